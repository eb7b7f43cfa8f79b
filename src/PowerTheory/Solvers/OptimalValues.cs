using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The result of an optimal-value solve for a state-based reward r and discount γ ∈ [0,1):
/// V*(s) = max_a Q*(s,a) with Q*(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V*(s'), the optimal action sets and a greedy optimal policy.
/// </summary>
public sealed class OptimalValues
{
    private readonly double[] _values;
    private readonly double[] _q;

    internal OptimalValues(Mdp mdp, double gamma, double[] rewards, double[] values, double[] q, Policy policy,
        ValueMethod method, int iterations, double errorBound, double tieTolerance)
    {
        Mdp = mdp;
        Gamma = gamma;
        Rewards = Array.AsReadOnly(rewards);
        _values = values;
        _q = q;
        Policy = policy;
        Method = method;
        Iterations = iterations;
        ErrorBound = errorBound;
        TieTolerance = tieTolerance;
    }

    /// <summary>Fallbacks and loosened acceptances that happened while computing this result (what happened → how
    /// often); empty when everything ran as designed. Nothing degrades silently: the CLI prints each as a warning.</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The discount γ.</summary>
    public double Gamma { get; }

    /// <summary>The reward vector r.</summary>
    public IReadOnlyList<double> Rewards { get; }

    /// <summary>V*(s) for every state.</summary>
    public IReadOnlyList<double> Values => Array.AsReadOnly(_values);

    /// <summary>V*(s).</summary>
    public double this[int state] => _values[state];

    /// <summary>A copy of V*.</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>Q*(s,a) by global state-action index (see <see cref="Mdp.FirstStateAction"/>).</summary>
    public IReadOnlyList<double> ActionValues => Array.AsReadOnly(_q);

    /// <summary>Q*(s,a) = r(s) + γ·E_{s'~T(s,a)}V*(s').</summary>
    public double ActionValue(int state, int action) => _q[Mdp.StateActionIndex(state, action)];

    /// <summary>An optimal deterministic policy: the lowest-index action with the largest Q at each state for value
    /// iteration, the policy converged to for policy iteration, and the policy of the optimal simplex basis (the action
    /// with positive occupancy x(s,a) at each state) for the linear program.</summary>
    public Policy Policy { get; }

    /// <summary>Which algorithm produced the result (<see cref="ValueMethodNames.Name"/> gives its stable name).</summary>
    public ValueMethod Method { get; }

    /// <summary>Iterations used (sweeps for value iteration, improvement steps for policy iteration, simplex iterations for LP).</summary>
    public int Iterations { get; }

    /// <summary>A bound on ‖V − V*‖∞: γ/(1−γ)·‖V_{k+1} − V_k‖∞ for value iteration; the certified Bellman-residual bound
    /// ρ/(1−γ) for the linear program; a rounding-level bound for policy iteration.</summary>
    public double ErrorBound { get; }

    /// <summary>The tolerance used for ties: a is optimal at s when Q(s,a) ≥ V(s) − tol·max(1, |V(s)|).</summary>
    public double TieTolerance { get; }

    /// <summary>The optimal actions at <paramref name="state"/>: {a : Q(s,a) ≥ V(s) − tol·max(1,|V(s)|)}, ascending.</summary>
    public IReadOnlyList<int> OptimalActions(int state)
    {
        int first = Mdp.FirstStateAction(state);
        double threshold = _values[state] - TieTolerance * Math.Max(1, Math.Abs(_values[state]));
        var list = new List<int>();
        for (int a = 0; a < Mdp.ActionCount(state); a++)
            if (_q[first + a] >= threshold) list.Add(a);
        return list;
    }

    /// <summary>True when <paramref name="action"/> is among <see cref="OptimalActions"/> at <paramref name="state"/>.</summary>
    public bool IsOptimal(int state, int action) =>
        _q[Mdp.StateActionIndex(state, action)] >= _values[state] - TieTolerance * Math.Max(1, Math.Abs(_values[state]));
}

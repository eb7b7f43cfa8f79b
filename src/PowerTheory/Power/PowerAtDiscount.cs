using PowerTheory.Mdps;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>All estimates of one Monte Carlo run at one discount γ: POWER of every state, the optimality probability of
/// every (state, action), the requested POWER-seeking comparisons and user events.</summary>
public sealed class PowerAtDiscount
{
    private readonly Mdp _mdp;
    private readonly StatePower[] _states;
    private readonly ActionOptimality[] _actions;

    internal PowerAtDiscount(Mdp mdp, double gamma, StatePower[] states, ActionOptimality[] actions,
        PowerSeekingComparison[] comparisons, EventProbability[] events, Solvers.SolveCertification certification = default)
    {
        Certification = certification;
        _mdp = mdp;
        Gamma = gamma;
        _states = states;
        _actions = actions;
        Comparisons = Array.AsReadOnly(comparisons);
        Events = Array.AsReadOnly(events);
    }

    /// <summary>What the per-sample solves certified at this γ: the largest certified bound on |V̂(s) − V*(s)| over every
    /// sample and state (POWER's rounding error is at most (1−γ)/γ times it, far below its standard error), refinements,
    /// near-ties counted as ties, and samples above the 10⁻⁹·max|r|/(1−γ) target (docs/theory.md §5.1). Empty (0 solves) at the
    /// exact γ = 0 and γ = 1 limits and on the non-dominated fast path of deterministic MDPs.</summary>
    public Solvers.SolveCertification Certification { get; }

    /// <summary>The median over states of POWER's variance reduction against plain sampling
    /// (<see cref="StatePower.VarianceReduction"/>); null for plain sampling or an optimality-only run.</summary>
    public double? MedianVarianceReduction
    {
        get
        {
            var r = _states.Where(s => s.VarianceReduction is not null).Select(s => s.VarianceReduction!.Value).Order().ToArray();
            return r.Length == 0 ? null : r.Length % 2 == 1 ? r[r.Length / 2] : (r[r.Length / 2 - 1] + r[r.Length / 2]) / 2;
        }
    }

    /// <summary>The discount γ ∈ [0,1] (0 and 1 are the limits of docs/theory.md §4.2 item 7).</summary>
    public double Gamma { get; }

    /// <summary>POWER_D(s,γ) for every state in index order (empty when the run was optimality-only).</summary>
    public IReadOnlyList<StatePower> States => Array.AsReadOnly(_states);

    /// <summary>P_D(s,a,γ) for every state-action pair, by global state-action index.</summary>
    public IReadOnlyList<ActionOptimality> Actions => Array.AsReadOnly(_actions);

    /// <summary>The requested POWER-seeking comparisons, in request order.</summary>
    public IReadOnlyList<PowerSeekingComparison> Comparisons { get; }

    /// <summary>The requested user events' probabilities, in request order.</summary>
    public IReadOnlyList<EventProbability> Events { get; }

    /// <summary>POWER_D(s,γ) of state <paramref name="state"/>.</summary>
    public MonteCarloEstimate Power(int state)
    {
        if (_states.Length == 0) throw new InvalidOperationException("this run estimated optimality probabilities only (no POWER).");
        return _states[state].Power;
    }

    /// <summary>POWER_D(s,γ) of the state named <paramref name="state"/>.</summary>
    public MonteCarloEstimate Power(string state) => Power(_mdp.StateIndex(state));

    /// <summary>P_D(s,a,γ) for action <paramref name="action"/> at <paramref name="state"/>.</summary>
    public MonteCarloEstimate OptimalityProbability(int state, int action) =>
        _actions[_mdp.StateActionIndex(state, action)].Probability;

    /// <summary>P_D(s,a,γ) by names.</summary>
    public MonteCarloEstimate OptimalityProbability(string state, string action)
    {
        int s = _mdp.StateIndex(state);
        return OptimalityProbability(s, _mdp.ActionIndex(s, action));
    }
}

using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// Exact V* per sample on a deterministic MDP by Howard's policy iteration: evaluate the current policy exactly on its
/// functional graph (<see cref="FunctionalGraph.Evaluate"/>, values follow paths to cycles), switch every state to the
/// successor with the largest value (beyond a rounding margin), repeat until stable. Each sample starts from the greedy
/// policy of a few Gauss–Seidel sweeps from v = r/(1−γ); allocation-free after construction.
/// </summary>
internal sealed class DeterministicDiscountedSolver : ISampleSolver
{
    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly double _gamma;
    private readonly int[] _offsets;
    private readonly int[] _target; // successor of each state-action
    private readonly int[] _policy; // chosen global state-action per state
    private readonly int[] _next;
    private readonly int[] _mark;
    private readonly int[] _path;
    private readonly double[] _v;
    private readonly double _tieTolerance;
    private readonly double[] _stateScore;
    private readonly double[] _actionScore;

    public DeterministicDiscountedSolver(Mdp mdp, double gamma, double tieTolerance = 1e-9)
    {
        _tieTolerance = tieTolerance;
        _stateScore = new double[mdp.StateCount];
        _actionScore = new double[mdp.StateActionCount];
        if (!mdp.IsDeterministic) throw new ArgumentException("the MDP must be deterministic.", nameof(mdp));
        _mdp = mdp;
        _n = mdp.StateCount;
        _gamma = gamma;
        _offsets = mdp.StateActionOffsets.ToArray();
        _target = new int[mdp.StateActionCount];
        for (int sa = 0; sa < _target.Length; sa++) _target[sa] = mdp.AllSuccessors[mdp.TransitionOffsets[sa]];
        _policy = new int[_n];
        _next = new int[_n];
        _mark = new int[_n];
        _path = new int[_n];
        _v = new double[_n];
    }

    public int LastIterations { get; private set; }

    /// <summary>The optimal policy of the last solve (global state-action per state).</summary>
    public ReadOnlySpan<int> Policy => _policy;

    /// <summary>Value-iteration sweeps of the starting policy.</summary>
    internal int Sweeps { get; set; } = 4;

    public void StartBlock() { }

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal)
    {
        SolveScores(r, value, _stateScore, _actionScore);
        DiscountedTieRule.Mark(_mdp, _gamma, _tieTolerance, r, _stateScore, _actionScore, optimal);
    }

    /// <summary>Solves one sample and also returns V* (<paramref name="stateScore"/>) and Q* (<paramref name="actionScore"/>).</summary>
    public void SolveScores(ReadOnlySpan<double> r, Span<double> value, Span<double> stateScore, Span<double> actionScore)
    {
        int n = _n;
        double gamma = _gamma;
        var target = _target;
        var offsets = _offsets;
        var policy = _policy;
        var v = _v;
        double rMax = 0;
        for (int s = 0; s < n; s++) rMax = Math.Max(rMax, Math.Abs(r[s]));
        // Measured on Map20 at γ = 0.99: warm-starting from the previous sample's policy needs 11.8 improvement steps
        // per sample, this start 1.0–2.0.
        {
            // Start from the greedy policy of a few in-place Gauss–Seidel value-iteration sweeps (alternating order)
            // from v = r/(1−γ) (the value of staying put): this carries reward information across the state space cheaply; exactness still comes from
            // policy iteration below.
            double stay = 1 / (1 - gamma);
            for (int s = 0; s < n; s++) v[s] = r[s] * stay;
            for (int sweep = 0; sweep < Sweeps; sweep++)
            {
                bool forward = (sweep & 1) == 0;
                for (int i = 0; i < n; i++)
                {
                    int s = forward ? i : n - 1 - i;
                    double best = double.NegativeInfinity;
                    for (int sa = offsets[s]; sa < offsets[s + 1]; sa++) best = Math.Max(best, v[target[sa]]);
                    v[s] = r[s] + gamma * best;
                }
            }
            for (int s = 0; s < n; s++)
            {
                int best = offsets[s];
                for (int sa = offsets[s] + 1; sa < offsets[s + 1]; sa++)
                    if (v[target[sa]] > v[target[best]]) best = sa;
                policy[s] = best;
            }
        }
        double margin = 1e-12 * Math.Max(rMax, 1e-300) / (1 - gamma);
        int iterations = 0;
        while (true)
        {
            if (++iterations > 1_000_000)
                throw new InvalidOperationException("policy iteration did not converge within 1,000,000 improvement steps.");
            for (int s = 0; s < n; s++) _next[s] = target[policy[s]];
            FunctionalGraph.Evaluate(_next, r, gamma, v, _mark, _path);
            bool changed = false;
            for (int s = 0; s < n; s++)
            {
                int cur = policy[s];
                int best = cur;
                double bestValue = v[target[cur]];
                for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
                {
                    double w = v[target[sa]];
                    if (w > bestValue + margin)
                    {
                        best = sa;
                        bestValue = w;
                    }
                }
                if (best != cur)
                {
                    policy[s] = best;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        LastIterations = iterations;
        double scale = 1 - gamma;
        for (int s = 0; s < n; s++)
        {
            double bestNext = double.NegativeInfinity;
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
            {
                double w = v[target[sa]];
                actionScore[sa] = r[s] + gamma * w;
                if (w > bestNext) bestNext = w;
            }
            stateScore[s] = Math.Max(v[s], r[s] + gamma * bestNext);
            value[s] = scale * bestNext;
        }
    }
}

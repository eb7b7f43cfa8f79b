using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// Exact V* per sample on a deterministic MDP by Howard's policy iteration: evaluate the current policy exactly on its
/// functional graph (<see cref="FunctionalGraph.Evaluate"/>, values follow paths to cycles), switch every state to the
/// successor with the largest value (beyond a rounding margin), repeat until stable. Warm-started from the previous
/// sample's policy within a block; allocation-free after construction.
/// </summary>
internal sealed class DeterministicDiscountedSolver : ISampleSolver
{
    private readonly int _n;
    private readonly double _gamma;
    private readonly int[] _offsets;
    private readonly int[] _target; // successor of each state-action
    private readonly int[] _policy; // chosen global state-action per state
    private readonly int[] _next;
    private readonly int[] _mark;
    private readonly int[] _path;
    private readonly double[] _v;
    private bool _fresh = true;

    public DeterministicDiscountedSolver(Mdp mdp, double gamma)
    {
        if (!mdp.IsDeterministic) throw new ArgumentException("the MDP must be deterministic.", nameof(mdp));
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

    public void StartBlock() => _fresh = true;

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<double> stateScore, Span<double> actionScore)
    {
        int n = _n;
        double gamma = _gamma;
        var target = _target;
        var offsets = _offsets;
        var policy = _policy;
        var v = _v;
        double rMax = 0;
        for (int s = 0; s < n; s++) rMax = Math.Max(rMax, Math.Abs(r[s]));
        if (_fresh)
        {
            // Greedy in the immediate successor reward.
            for (int s = 0; s < n; s++)
            {
                int best = offsets[s];
                for (int sa = offsets[s] + 1; sa < offsets[s + 1]; sa++)
                    if (r[target[sa]] > r[target[best]]) best = sa;
                policy[s] = best;
            }
            _fresh = false;
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

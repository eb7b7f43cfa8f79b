using System.Runtime.CompilerServices;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The Bellman backup over the MDP's CSR rows, written once for every solver: E_a x(s) = Σ_s' T(s'|s,a)·x(s'),
/// Q(s,a) = r(s) + γ·E_a V(s), the Jacobi sweep V ↦ r + γ·max_a E_a V, in-place Gauss–Seidel sweeps, the greedy policy
/// and Howard's improvement step (docs/theory.md §5.1). On a deterministic MDP every row holds one successor, so
/// E_a x(s) is one load (measured: the general row loop made POWER on Map20 at γ = 0.99 2.4× slower). The sweeps and the
/// improvement step (and the functional-graph evaluation) are marked AggressiveOptimization: they run unoptimised through
/// the JIT's tiering delay otherwise. Marking every kernel method instead made short CLI runs 0.1 s faster but the
/// steady state (BenchmarkDotNet) twice as slow, so only these are (docs/performance.md).
/// </summary>
internal sealed class BellmanBackup(Mdp mdp)
{
    private readonly int[] _actionOffsets = mdp.ActionOffsetsArray;
    private readonly int[] _rowStart = mdp.TransitionOffsetsArray;
    private readonly int[] _successors = mdp.SuccessorsArray;
    private readonly double[] _probabilities = mdp.ProbabilitiesArray;
    private readonly bool _deterministic = mdp.IsDeterministic;
    private readonly int _states = mdp.StateCount;

    /// <summary>E_a x(s) = Σ_s' T(s'|s,a)·x(s') for the global state-action <paramref name="stateAction"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Expected(int stateAction, ReadOnlySpan<double> x)
    {
        return _deterministic ? x[_successors[stateAction]] : ExpectedStochastic(stateAction, x);
    }

    private double ExpectedStochastic(int stateAction, ReadOnlySpan<double> x)
    {
        var probabilities = _probabilities;
        var successors = _successors;
        double e = 0;
        int end = _rowStart[stateAction + 1];
        for (int k = _rowStart[stateAction]; k < end; k++) e += probabilities[k] * x[successors[k]];
        return e;
    }

    /// <summary>max_a E_a x(s), the best expected next value at <paramref name="state"/>.</summary>
    
    public double BestExpected(int state, ReadOnlySpan<double> x)
    {
        double best = double.NegativeInfinity;
        int end = _actionOffsets[state + 1];
        if (_deterministic)
        {
            var successors = _successors;
            for (int sa = _actionOffsets[state]; sa < end; sa++)
            {
                double e = x[successors[sa]];
                if (e > best) best = e;
            }
            return best;
        }
        for (int sa = _actionOffsets[state]; sa < end; sa++)
        {
            double e = ExpectedStochastic(sa, x);
            if (e > best) best = e;
        }
        return best;
    }

    /// <summary>Q(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V(s') for every global state-action index.</summary>
    
    public void ActionValues(ReadOnlySpan<double> r, ReadOnlySpan<double> v, double gamma, Span<double> q)
    {
        for (int s = 0; s < _states; s++)
            for (int sa = _actionOffsets[s]; sa < _actionOffsets[s + 1]; sa++)
                q[sa] = r[s] + gamma * Expected(sa, v);
    }

    /// <summary>MDPs with at least this many states sweep in parallel chunks (a Jacobi sweep's result does not depend on
    /// the order, so the values are the same bit for bit).</summary>
    public const int ParallelSweepStates = 100_000;

    /// <summary>One Jacobi sweep next = r + γ·max_a E_a v; returns ‖next − v‖∞. MDPs with at least
    /// <see cref="ParallelSweepStates"/> states are swept in chunks on the thread pool.</summary>
    public double Sweep(double[] r, double gamma, double[] v, double[] next)
    {
        if (_states < ParallelSweepStates) return SweepRange(r, gamma, v, next, 0, _states);
        int chunks = 4 * Environment.ProcessorCount, size = (_states + chunks - 1) / chunks;
        var diffs = new double[chunks];
        Parallel.For(0, chunks, c => diffs[c] = SweepRange(r, gamma, v, next, c * size, Math.Min(_states, (c + 1) * size)));
        return diffs.Max();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SweepRange(ReadOnlySpan<double> r, double gamma, ReadOnlySpan<double> v, Span<double> next, int from, int to)
    {
        double diff = 0;
        for (int s = from; s < to; s++)
        {
            double x = r[s] + gamma * BestExpected(s, v);
            next[s] = x;
            diff = Math.Max(diff, Math.Abs(x - v[s]));
        }
        return diff;
    }

    /// <summary>In-place Gauss–Seidel sweeps v(s) ← r(s) + γ·max_a E_a v(s), alternating forward and backward state order
    /// (values travel across the whole state space in one sweep in either direction).</summary>
    
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void GaussSeidelSweeps(ReadOnlySpan<double> r, double gamma, Span<double> v, int sweeps)
    {
        int n = _states;
        var offsets = _actionOffsets;
        var successors = _successors;
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            bool forward = (sweep & 1) == 0;
            for (int i = 0; i < n; i++)
            {
                int s = forward ? i : n - 1 - i;
                double best = double.NegativeInfinity;
                if (_deterministic)
                {
                    for (int sa = offsets[s]; sa < offsets[s + 1]; sa++) best = Math.Max(best, v[successors[sa]]);
                }
                else
                {
                    for (int sa = offsets[s]; sa < offsets[s + 1]; sa++) best = Math.Max(best, ExpectedStochastic(sa, v));
                }
                v[s] = r[s] + gamma * best;
            }
        }
    }

    /// <summary>The greedy policy in x: at each state the first global state-action with the largest E_a x.</summary>
    
    public void GreedyActions(ReadOnlySpan<double> x, Span<int> policy)
    {
        for (int s = 0; s < _states; s++)
        {
            int best = _actionOffsets[s];
            double bestE = Expected(best, x);
            for (int sa = best + 1; sa < _actionOffsets[s + 1]; sa++)
            {
                double e = Expected(sa, x);
                if (e > bestE)
                {
                    best = sa;
                    bestE = e;
                }
            }
            policy[s] = best;
        }
    }

    /// <summary>Howard's improvement step: every state switches to the first state-action whose E_a V beats its current
    /// one by more than <paramref name="margin"/> (rounding noise of the evaluation is not an improvement). Returns
    /// whether any state switched.</summary>
    
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Improve(ReadOnlySpan<double> v, Span<int> policy, double margin)
    {
        var offsets = _actionOffsets;
        var successors = _successors;
        bool changed = false;
        for (int s = 0; s < _states; s++)
        {
            int current = policy[s];
            int best = current;
            double bestE = Expected(current, v);
            int end = offsets[s + 1];
            if (_deterministic)
            {
                for (int sa = offsets[s]; sa < end; sa++)
                {
                    double e = v[successors[sa]];
                    if (e > bestE + margin)
                    {
                        best = sa;
                        bestE = e;
                    }
                }
            }
            else
            {
                for (int sa = offsets[s]; sa < end; sa++)
                {
                    double e = ExpectedStochastic(sa, v);
                    if (e > bestE + margin)
                    {
                        best = sa;
                        bestE = e;
                    }
                }
            }
            if (best != current)
            {
                policy[s] = best;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Howard's improvement step for a state-action reward R(s,a): every state switches to an action whose
    /// Q(s,a) = R(s,a) + γ·E_a V beats the best so far (starting from the current action) by more than
    /// <paramref name="margin"/>. Returns whether any state switched.</summary>
    public bool Improve(ReadOnlySpan<double> v, ReadOnlySpan<double> actionReward, double gamma, Span<int> policy, double margin)
    {
        bool changed = false;
        for (int s = 0; s < _states; s++)
        {
            int current = policy[s], best = current;
            double bestQ = actionReward[current] + gamma * Expected(current, v);
            for (int sa = _actionOffsets[s]; sa < _actionOffsets[s + 1]; sa++)
            {
                double q = actionReward[sa] + gamma * Expected(sa, v);
                if (q > bestQ + margin)
                {
                    best = sa;
                    bestQ = q;
                }
            }
            if (best != current)
            {
                policy[s] = best;
                changed = true;
            }
        }
        return changed;
    }
}

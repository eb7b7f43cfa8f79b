using System.Runtime.CompilerServices;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Gauss–Seidel sweeps of one deterministic policy's values on a stochastic MDP,
/// V(s) ← (r(s) + γ·Σ_{s'≠s} T(s'|s,π(s))·V(s')) / (1 − γ·T(s|s,π(s))), visiting the states in order of decreasing
/// current value (docs/theory.md §5.1). Each sweep is a γ-contraction towards V^π in the ∞-norm and reads one row per
/// state, a fifth of an optimality sweep on a five-action gridworld. Used by the modified-policy-iteration warm start of
/// <see cref="HowardIteration"/>.
/// </summary>
/// <remarks>Why this order: under a policy heading for good states, a state's value is made mostly of the values of states
/// worth more, so sweeping from the most valuable state down carries values along the policy's paths within one sweep.
/// Why not use the sweeps as the exact evaluation: near the states where a policy settles, slipping out and returning
/// forms short loops whose gain (≈ 0.9 per sweep on the 100×100 slip grid) no order removes; reaching 10⁻¹² took ~150
/// sweeps, as long as the banded factorisation (measured, docs/performance.md).</remarks>
internal sealed class OrderedPolicySweeps(Mdp mdp, double gamma)
{
    private readonly int[] _rowStart = mdp.TransitionOffsetsArray;
    private readonly int[] _successors = mdp.SuccessorsArray;
    private readonly double[] _probabilities = mdp.ProbabilitiesArray;
    private readonly int[] _order = new int[mdp.StateCount];
    private readonly double[] _keys = new double[mdp.StateCount];

    /// <summary>Orders the states by decreasing <paramref name="values"/> (ties by index) for the next sweeps.</summary>
    public void Reorder(ReadOnlySpan<double> values)
    {
        for (int s = 0; s < _order.Length; s++)
        {
            _order[s] = s;
            _keys[s] = -values[s];
        }
        Array.Sort(_keys, _order);
    }

    /// <summary>Runs <paramref name="sweeps"/> sweeps of <paramref name="policy"/> (global state-actions) on
    /// <paramref name="values"/> in place, in the order of the last <see cref="Reorder"/>.</summary>
    public void Sweep(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values, int sweeps)
    {
        for (int sweep = 0; sweep < sweeps; sweep++) SweepOnce(policy, r, values);
    }

    /// <summary>Sweeps until one changes no value by more than <paramref name="stopChange"/>, the changes stall at the
    /// rounding floor (no smaller change in 8 sweeps, and below 64 ulp of max|V|), or <paramref name="maxSweeps"/>.
    /// Returns the sweeps run, negated when the limit stopped them.</summary>
    public int SweepUntil(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values, int maxSweeps, double stopChange)
    {
        double best = double.PositiveInfinity;
        int stalled = 0;
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            var (change, largest) = SweepOnce(policy, r, values);
            if (change <= stopChange) return sweep;
            if (change < best)
            {
                best = change;
                stalled = 0;
            }
            else if (++stalled >= 8 && change <= 64 * Math.ScaleB(largest, -52)) return sweep;
        }
        return -maxSweeps;
    }

    /// <summary>One sweep; returns the largest change and the largest |V|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Change, double Largest) SweepOnce(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        var rowStart = _rowStart;
        var successors = _successors;
        var probabilities = _probabilities;
        double change = 0, largest = 0;
        foreach (int s in _order)
        {
            int sa = policy[s];
            double acc = 0, self = 0;
            int end = rowStart[sa + 1];
            for (int k = rowStart[sa]; k < end; k++)
            {
                int t = successors[k];
                if (t == s) self += probabilities[k];
                else acc += probabilities[k] * values[t];
            }
            double x = (r[s] + gamma * acc) / (1 - gamma * self);
            change = Math.Max(change, Math.Abs(x - values[s]));
            largest = Math.Max(largest, Math.Abs(x));
            values[s] = x;
        }
        return (change, largest);
    }
}

using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Howard's policy iteration with exact evaluation: evaluate V^π = (I − γT_π)⁻¹·r exactly (the path-to-cycle formula on
/// deterministic MDPs, an exact linear solve otherwise), then switch each state to an action whose
/// Q(s,a) = r(s) + γ·Σ T(s'|s,a)V^π(s') beats the current one by more than a rounding margin; stop when no state switches.
/// The result is V* up to rounding and is the reference solver of the library.
/// </summary>
public static class PolicyIteration
{
    /// <summary>Solves for V* exactly.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="rewards">r(s), one finite entry per state.</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="initialPolicy">Optional warm start (default: greedy in the immediate successor reward).</param>
    /// <param name="tieTolerance">Relative tolerance for optimal-action ties (default 1e-9).</param>
    /// <param name="maxIterations">A safety cap on improvement steps; exceeding it throws.</param>
    public static OptimalValues Solve(Mdp mdp, ReadOnlySpan<double> rewards, double gamma, Policy? initialPolicy = null,
        double tieTolerance = 1e-9, int maxIterations = 1_000_000)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        Preconditions.CheckDiscount(gamma);
        ValueBounds.Check(mdp, rewards, gamma);
        Preconditions.CheckTolerance(tieTolerance, nameof(tieTolerance));
        if (initialPolicy is not null) PolicyEvaluation.CheckSameMdp(mdp, initialPolicy.Mdp);
        int n = mdp.StateCount;
        var r = rewards.ToArray();
        int[] actions = initialPolicy is not null ? initialPolicy.ActionSpan.ToArray()
            : n >= WarmStartThreshold ? GaussSeidelWarmStart(mdp, r, gamma, WarmStartSweeps)
            : GreedyInRewards(mdp, r);
        var q = new double[mdp.StateActionCount];
        double[] v = new double[n];
        var next = new int[n];
        var mark = new int[n];
        var path = new int[n];
        double rMax = 0;
        foreach (var x in r) rMax = Math.Max(rMax, Math.Abs(x));
        // Improvements smaller than this are rounding noise of the exact evaluation.
        double margin = 1e-12 * Math.Max(rMax, 1e-300) / (1 - gamma);
        int iterations = 0;
        while (true)
        {
            if (iterations >= maxIterations)
                throw new InvalidOperationException($"policy iteration did not converge within {maxIterations} improvement steps.");
            iterations++;
            if (mdp.IsDeterministic)
            {
                for (int s = 0; s < n; s++) next[s] = mdp.AllSuccessors[mdp.TransitionOffsets[mdp.StateActionOffsets[s] + actions[s]]];
                FunctionalGraph.Evaluate(next, r, gamma, v, mark, path);
            }
            else
            {
                v = PolicyMatrix.From(mdp, Policy.Wrap(mdp, actions), gamma).SolveValues(r);
            }
            PolicyEvaluation.FillActionValues(mdp, r, v, gamma, q);
            bool changed = false;
            for (int s = 0; s < n; s++)
            {
                int first = mdp.FirstStateAction(s);
                int best = actions[s];
                double bestQ = q[first + best];
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    if (q[first + a] > bestQ + margin)
                    {
                        best = a;
                        bestQ = q[first + a];
                    }
                }
                if (best != actions[s])
                {
                    actions[s] = best;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        // V = V^π exactly; report max_a Q as V* (equal up to the margin) so that V*(s) = max_a Q*(s,a) holds literally.
        for (int s = 0; s < n; s++)
        {
            int first = mdp.FirstStateAction(s);
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount(s); a++) best = Math.Max(best, q[first + a]);
            v[s] = Math.Max(v[s], best);
        }
        return new OptimalValues(mdp, gamma, r, v, q, Policy.Wrap(mdp, actions), ValueMethod.PolicyIteration, iterations,
            margin * gamma / (1 - gamma) + 1e-15 * rMax / (1 - gamma), tieTolerance);
    }

    /// <summary>MDPs with at least this many states start from a few Gauss–Seidel value-iteration sweeps.</summary>
    internal const int WarmStartThreshold = 4096;

    /// <summary>The number of alternating (forward, backward) Gauss–Seidel sweeps of the warm start.</summary>
    internal const int WarmStartSweeps = 8;

    /// <summary>
    /// A warm start for large MDPs: plain policy iteration moves a reward's influence one step per improvement when
    /// values tie (e.g. a single goal reward), so we first run a few in-place Gauss–Seidel sweeps of value iteration in
    /// alternating state order, which carry values across the whole state space per sweep, and take their greedy policy.
    /// Only the starting point changes: exactness still comes from policy iteration.
    /// </summary>
    internal static int[] GaussSeidelWarmStart(Mdp mdp, ReadOnlySpan<double> r, double gamma, int sweeps)
    {
        int n = mdp.StateCount;
        var v = r.ToArray();
        var offsets = mdp.StateActionOffsets;
        var rowStart = mdp.TransitionOffsets;
        var succ = mdp.AllSuccessors;
        var prob = mdp.AllProbabilities;
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            bool forward = sweep % 2 == 0;
            for (int i = 0; i < n; i++)
            {
                int s = forward ? i : n - 1 - i;
                double best = double.NegativeInfinity;
                for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
                {
                    double e = 0;
                    for (int k = rowStart[sa]; k < rowStart[sa + 1]; k++) e += prob[k] * v[succ[k]];
                    if (e > best) best = e;
                }
                v[s] = r[s] + gamma * best;
            }
        }
        var q = new double[mdp.StateActionCount];
        PolicyEvaluation.FillActionValues(mdp, r, v, gamma, q);
        return ValueIteration.GreedyPolicy(mdp, q).ActionSpan.ToArray();
    }

    /// <summary>The policy choosing, at each state, the action with the largest expected next-state reward.</summary>
    internal static int[] GreedyInRewards(Mdp mdp, ReadOnlySpan<double> r)
    {
        var actions = new int[mdp.StateCount];
        var rowStart = mdp.TransitionOffsets;
        var succ = mdp.AllSuccessors;
        var prob = mdp.AllProbabilities;
        for (int s = 0; s < actions.Length; s++)
        {
            int first = mdp.FirstStateAction(s);
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = first + a;
                double e = 0;
                for (int k = rowStart[sa]; k < rowStart[sa + 1]; k++) e += prob[k] * r[succ[k]];
                if (e > best)
                {
                    best = e;
                    actions[s] = a;
                }
            }
        }
        return actions;
    }
}

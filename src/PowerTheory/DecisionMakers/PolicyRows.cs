using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.DecisionMakers;

/// <summary>Writing stochastic policies row by row: uniform rows, uniform over flagged actions, uniform over the
/// near-maximal entries of per-action scores.</summary>
internal static class PolicyRows
{
    /// <summary>π(a|s) = 1/|A(s)| everywhere.</summary>
    public static void Uniform(Mdp mdp, Span<double> policy)
    {
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
            policy.Slice(first, k).Fill(1.0 / k);
        }
    }

    /// <summary>Per state, uniform over the flagged actions (uniform over all actions where none is flagged).</summary>
    public static void UniformOver(Mdp mdp, ReadOnlySpan<bool> flags, Span<double> policy)
    {
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s), m = 0;
            for (int a = 0; a < k; a++) if (flags[first + a]) m++;
            for (int a = 0; a < k; a++) policy[first + a] = m == 0 ? 1.0 / k : flags[first + a] ? 1.0 / m : 0.0;
        }
    }

    /// <summary>Per state, uniform over the actions whose score is within <paramref name="tolerance"/> of the state's
    /// best score.</summary>
    public static void Greedy(Mdp mdp, ReadOnlySpan<double> scores, double tolerance, Span<double> policy)
    {
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s), m = 0;
            double best = double.NegativeInfinity;
            for (int a = 0; a < k; a++) best = Math.Max(best, scores[first + a]);
            for (int a = 0; a < k; a++) if (scores[first + a] >= best - tolerance) m++;
            for (int a = 0; a < k; a++) policy[first + a] = scores[first + a] >= best - tolerance ? 1.0 / m : 0.0;
        }
    }

    /// <summary>The deterministic policy a[s] as a stochastic one.</summary>
    public static void Deterministic(Mdp mdp, ReadOnlySpan<int> actions, Span<double> policy)
    {
        policy.Clear();
        for (int s = 0; s < mdp.StateCount; s++) policy[mdp.FirstStateAction(s) + actions[s]] = 1.0;
    }

    /// <summary>Draws one action per state uniformly from the flagged ones (from all where none is flagged).</summary>
    public static void DrawFrom(Mdp mdp, ReadOnlySpan<bool> flags, Random random, Span<int> actions)
    {
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s), m = 0;
            for (int a = 0; a < k; a++) if (flags[first + a]) m++;
            if (m == 0)
            {
                actions[s] = random.Next(k);
                continue;
            }
            int pick = random.Next(m);
            for (int a = 0; a < k; a++)
                if (flags[first + a] && pick-- == 0) { actions[s] = a; break; }
        }
    }

    /// <summary>max|r| (at least 1e-300, for relative tolerances).</summary>
    public static double Scale(ReadOnlySpan<double> values) => Math.Max(VectorNorms.MaxAbs(values), 1e-300);
}

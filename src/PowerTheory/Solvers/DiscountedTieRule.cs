using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The tie rule for γ ∈ (0,1) (docs/theory.md §1.3): action a is optimal at s when
/// Q*(s,a) ≥ V*(s) − tol·(|V*(s)| + max|r|/(1−γ)), so that rounding never splits a true tie and, under a continuous law,
/// a false tie has probability of order tol.
/// </summary>
internal static class DiscountedTieRule
{
    /// <summary>Marks the optimal actions from the state values <paramref name="stateScore"/> (V*) and action values
    /// <paramref name="actionScore"/> (Q*).</summary>
    public static void Mark(Mdp mdp, double gamma, double tolerance, ReadOnlySpan<double> r,
        ReadOnlySpan<double> stateScore, ReadOnlySpan<double> actionScore, Span<bool> optimal)
    {
        double maxAbs = 0;
        foreach (double x in r) maxAbs = Math.Max(maxAbs, Math.Abs(x));
        double scale = maxAbs / (1 - gamma);
        var offsets = mdp.StateActionOffsets;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double bar = stateScore[s] - tolerance * (Math.Abs(stateScore[s]) + scale);
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++) optimal[sa] = actionScore[sa] >= bar;
        }
    }
}

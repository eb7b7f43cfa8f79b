using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The range in which values are computed without overflow. With |r(s)| ≤ m, every discounted value satisfies
/// |V(s)| ≤ m/(1−γ) and every gain |g(s)| ≤ m; the solvers also form sums of |S| such terms and products with
/// probabilities. Rewards whose bound m/(1−γ) (m at γ = 1) exceeds <see cref="MaxMagnitude"/> are refused up front, with
/// the bound and the state that attains m, instead of producing ±Infinity or NaN. Values scale linearly with the
/// rewards, so rescaling them changes no optimal action and scales POWER by the same factor.
/// </summary>
public static class ValueBounds
{
    /// <summary>The largest value magnitude m/(1−γ) accepted: 1e300, which leaves a factor 10⁸ of headroom below
    /// double.MaxValue ≈ 1.8e308 for intermediate sums.</summary>
    public const double MaxMagnitude = 1e300;

    /// <summary>Throws when rewards <paramref name="rewards"/> at discount <paramref name="gamma"/> ∈ [0,1] could give
    /// values beyond <see cref="MaxMagnitude"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The bound max|r|/(1−γ) exceeds <see cref="MaxMagnitude"/>; the
    /// message names the state with the largest |r|, the bound and how to fix it.</exception>
    public static void Check(Mdp mdp, ReadOnlySpan<double> rewards, double gamma, string paramName = "rewards")
    {
        ArgumentNullException.ThrowIfNull(mdp);
        int top = 0;
        for (int s = 1; s < rewards.Length; s++)
            if (Math.Abs(rewards[s]) > Math.Abs(rewards[top])) top = s;
        if (rewards.Length == 0) return;
        double bound = Bound(Math.Abs(rewards[top]), gamma);
        if (bound > MaxMagnitude)
            throw new ArgumentOutOfRangeException(paramName, rewards[top],
                $"{paramName}: the reward {Preconditions.Format(rewards[top])} of state '{mdp.StateNames[top]}' " +
                $"at gamma = {Preconditions.Format(gamma)} allows values up to {Describe(bound)}, beyond the computable range " +
                $"(max|r|/(1−γ) must be at most {Preconditions.Format(MaxMagnitude)}); rescale the rewards (optimal actions do not change).");
    }

    /// <summary>A finite description of a bound that may have overflowed to infinity.</summary>
    private static string Describe(double bound) =>
        double.IsFinite(bound) ? Preconditions.Format(bound) : $"more than {Preconditions.Format(double.MaxValue)} (the largest double)";

    /// <summary>max|r|/(1−γ) for γ &lt; 1, max|r| at γ = 1 (the gain).</summary>
    public static double Bound(double maxAbsReward, double gamma) => gamma < 1 ? maxAbsReward / (1 - gamma) : maxAbsReward;
}

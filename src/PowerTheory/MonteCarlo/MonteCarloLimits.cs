using System.Globalization;
using PowerTheory.Mdps;

namespace PowerTheory.MonteCarlo;

/// <summary>
/// The magnitudes a Monte Carlo run's statistics can carry. A standard error needs Σ(x − K)² over up to 10⁹ samples;
/// with per-sample figures (POWER, values of the decision-makers) of size up to |r|, that stays below double.MaxValue
/// when |r| ≤ <see cref="MaxRewardMagnitude"/> = 10¹⁴⁰ (10⁹·(2·10¹⁴⁰)² = 4·10²⁸⁹). Larger sampled rewards are refused
/// with the state and the bound instead of giving an infinite variance and a NaN standard error.
/// </summary>
public static class MonteCarloLimits
{
    /// <summary>The largest |r| a Monte Carlo run accepts: 1e140.</summary>
    public const double MaxRewardMagnitude = 1e140;

    /// <summary>Throws when a sampled reward exceeds <see cref="MaxRewardMagnitude"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Names the state, the reward and the bound.</exception>
    public static void Check(Mdp mdp, ReadOnlySpan<double> rewards)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        for (int s = 0; s < rewards.Length; s++)
        {
            if (Math.Abs(rewards[s]) <= MaxRewardMagnitude) continue;
            throw new ArgumentOutOfRangeException("rewards", rewards[s],
                $"sampled rewards: the reward {rewards[s].ToString("R", CultureInfo.InvariantCulture)} of state '{mdp.StateNames[s]}' is beyond 1E+140, " +
                "the largest magnitude whose Monte Carlo variance a double can carry; rescale the reward law (POWER scales by the same factor, optimal actions do not change).");
        }
    }
}

using MathNet.Numerics.Distributions;

namespace PowerTheory.Retargeting;

/// <summary>
/// A two-sided Clopper–Pearson ("exact") confidence interval for a binomial proportion: with x successes in n trials and
/// level 1 − α, lower = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0) and upper = Beta⁻¹(1 − α/2; x + 1, n − x) (1 when x = n),
/// computed with MathNet's Beta inverse CDF. Its coverage is at least 1 − α for every true proportion.
/// </summary>
/// <param name="Estimate">x / n.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Confidence">1 − α.</param>
public sealed record ProportionInterval(double Estimate, double Lower, double Upper, double Confidence)
{
    /// <summary>The interval's method name.</summary>
    public const string Method = "Clopper-Pearson";

    /// <summary>The Clopper–Pearson interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ 0, x outside 0..n, or the confidence outside (0, 1).</exception>
    public static ProportionInterval ClopperPearson(long successes, long trials, double confidence = 0.95)
    {
        if (trials <= 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "a proportion needs at least one trial.");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes must lie in 0..{trials}.");
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence level must lie in (0, 1).");
        double alpha = 1 - confidence;
        double lower = successes == 0 ? 0.0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        double upper = successes == trials ? 1.0 : Beta.InvCDF(successes + 1, trials - successes, 1 - alpha / 2);
        return new ProportionInterval((double)successes / trials, lower, upper, confidence);
    }

    /// <summary>True when p lies in [Lower, Upper].</summary>
    public bool Contains(double proportion) => proportion >= Lower && proportion <= Upper;
}

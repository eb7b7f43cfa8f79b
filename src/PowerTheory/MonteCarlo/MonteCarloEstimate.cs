namespace PowerTheory.MonteCarlo;

/// <summary>
/// A Monte Carlo estimate of an expectation: the sample mean x̄ of N samples, its standard error
/// SE = √(s²/N) with the unbiased sample variance s² = Σ(xᵢ − x̄)²/(N−1), and the normal-approximation 95% interval
/// x̄ ± 1.959964·SE.
/// </summary>
/// <param name="Mean">The sample mean x̄.</param>
/// <param name="StandardError">The standard error √(s²/N) (0 when every sample is equal).</param>
/// <param name="Samples">The sample count N ≥ 2.</param>
public readonly record struct MonteCarloEstimate(double Mean, double StandardError, long Samples)
{
    /// <summary>The 97.5% standard normal quantile used for the 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The lower end of the 95% interval, x̄ − 1.959964·SE.</summary>
    public double Ci95Lower => Mean - Z95 * StandardError;

    /// <summary>The upper end of the 95% interval, x̄ + 1.959964·SE.</summary>
    public double Ci95Upper => Mean + Z95 * StandardError;

    /// <summary>The z-score (x̄ − <paramref name="value"/>)/SE of a reference value (±∞ or 0 when SE = 0).</summary>
    public double ZScore(double value)
    {
        double d = Mean - value;
        if (StandardError > 0) return d / StandardError;
        return d == 0 ? 0 : d > 0 ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Mean.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)} ± {StandardError.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)} (N = {Samples})";
}

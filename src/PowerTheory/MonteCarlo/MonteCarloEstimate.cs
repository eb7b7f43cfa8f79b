namespace PowerTheory.MonteCarlo;

/// <summary>
/// A Monte Carlo estimate of an expectation: the sample mean x̄ of N samples, its standard error
/// SE = √(s²/N) with the unbiased sample variance s² = Σ(xᵢ − x̄)²/(N−1), and the normal-approximation 95% interval
/// x̄ ± 1.959964·SE — or x̄ ± t·SE with Student's t quantile <see cref="Ci95Critical"/> when the estimate comes from a few
/// independent replicates (randomised quasi-Monte Carlo).
/// </summary>
/// <param name="Mean">The sample mean x̄.</param>
/// <param name="StandardError">The standard error √(s²/N) (0 when every sample is equal).</param>
/// <param name="Samples">The sample count N ≥ 2.</param>
public readonly record struct MonteCarloEstimate(double Mean, double StandardError, long Samples)
{
    /// <summary>The 97.5% standard normal quantile used for the 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The 97.5% quantile the 95% interval uses when it is not the normal one (Student's t with R − 1 degrees
    /// of freedom for R replicates); null: <see cref="Z95"/>.</summary>
    public double? Ci95Critical { get; init; }

    /// <summary>The lower end of the 95% interval, x̄ − z·SE (z = <see cref="Ci95Critical"/> or 1.959964).</summary>
    public double Ci95Lower => Mean - (Ci95Critical ?? Z95) * StandardError;

    /// <summary>The upper end of the 95% interval, x̄ + z·SE.</summary>
    public double Ci95Upper => Mean + (Ci95Critical ?? Z95) * StandardError;

    /// <summary>The half-width of the 95% interval, z·SE.</summary>
    public double Ci95HalfWidth => (Ci95Critical ?? Z95) * StandardError;

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

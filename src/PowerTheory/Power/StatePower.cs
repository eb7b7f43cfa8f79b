using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>The estimated POWER_D(s,γ) of one state at one γ.</summary>
/// <param name="State">The state index s.</param>
/// <param name="Name">The state name.</param>
/// <param name="Power">The estimate with standard error, sample count and 95% interval.</param>
public sealed record StatePower(int State, string Name, MonteCarloEstimate Power)
{
    /// <summary>How many times more plain independent samples the same standard error would take: σ²/(N·SE²) with σ² the
    /// per-sample variance of POWER's integrand (null for plain sampling, where it is 1).</summary>
    public double? VarianceReduction { get; init; }
}

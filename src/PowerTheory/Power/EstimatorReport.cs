using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>The estimator behind a POWER result (docs/power.md, "Estimators").</summary>
/// <param name="Name"><c>independent</c>, <c>scrambled-sobol</c>, or either with <c>+control-variates</c>.</param>
/// <param name="Sampler">How the samples were drawn.</param>
/// <param name="Covariates">The control covariates POWER was regression-adjusted by (empty: none).</param>
/// <param name="Replicates">The independent units behind each standard error: the samples, or the Sobol scrambles.</param>
/// <param name="PointsPerReplicate">Samples per unit: 1, or the points of each scramble.</param>
public sealed record EstimatorReport(string Name, SamplingMethod Sampler, IReadOnlyList<string> Covariates, long Replicates, int PointsPerReplicate)
{
    /// <summary>True when standard errors come from the spread of a few independent replicates, and the 95% intervals
    /// use Student's t with <see cref="Replicates"/> − 1 degrees of freedom.</summary>
    public bool FromReplicates => Sampler == SamplingMethod.ScrambledSobol;

    /// <summary>True for plain independent sampling without covariates: the estimator of the section "The estimator and
    /// its error bars" of docs/power.md.</summary>
    public bool IsPlain => Sampler == SamplingMethod.Independent && Covariates.Count == 0;
}

namespace PowerTheory.MonteCarlo;

/// <summary>One quantity's estimate from <see cref="RegressionTotals"/>, with the two variances that compare it with
/// plain sampling: <paramref name="PlainVariance"/>, the per-sample variance σ² of the quantity (so plain Monte Carlo
/// with N samples has variance σ²/N), and <paramref name="EstimatorVariance"/>, N times the estimator's variance. Their
/// ratio is the variance reduction: how many times more plain samples the same standard error would take.</summary>
internal readonly record struct AdjustedEstimate(MonteCarloEstimate Estimate, double PlainVariance, double EstimatorVariance)
{
    /// <summary>σ²_plain / (N·Var(estimator)); 1 when both are 0, +∞ when only the estimator's is.</summary>
    public double VarianceReduction =>
        EstimatorVariance > 0 ? PlainVariance / EstimatorVariance : PlainVariance > 0 ? double.PositiveInfinity : 1;
}

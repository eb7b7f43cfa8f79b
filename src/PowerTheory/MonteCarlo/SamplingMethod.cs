namespace PowerTheory.MonteCarlo;

/// <summary>How a Monte Carlo run draws its reward samples (docs/power.md, "Estimators").</summary>
public enum SamplingMethod
{
    /// <summary>Independent draws: block b draws from its own generator derived from (seed, b). The standard error is
    /// √(s²/N) over the N samples.</summary>
    Independent,

    /// <summary>Randomised quasi-Monte Carlo: block b is the first B points of the b-th independent Owen scramble of the
    /// Sobol sequence (Joe–Kuo direction numbers, one dimension per state), mapped through each law's quantile function
    /// R(s) = F_s⁻¹(u_s). Each scramble's mean is one unbiased replicate; the standard error is √(s²_R/R) over the
    /// R ≥ 16 replicates, with Student's t for the 95% interval.</summary>
    ScrambledSobol,
}

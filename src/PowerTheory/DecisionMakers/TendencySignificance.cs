using MathNet.Numerics.Distributions;
using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The significance rule behind the tendency verdicts (docs/beyond-optimality.md, "What is computed"). Each comparison is a
/// two-sided paired z-test of a mean difference D̄ with standard error SE: significant when |D̄| ≥ z*·SE (with SE = 0
/// the difference is exact and significant when non-zero). With m comparisons in one run and family-wise error rate α,
/// Bonferroni's threshold is z* = Φ⁻¹(1 − α/(2m)), so the chance that any verdict of the run rests on noise is at most α
/// whatever the dependence between the comparisons.
/// </summary>
/// <remarks>
/// m counts what the run tests: the optimal agent's tendency (one test with an avoided set; otherwise one per action at
/// the state, because the favoured action is picked as the largest of them), plus two tests (versus the optimal and
/// versus the random agent) per decision-maker other than the two references. A difference that is not significant
/// after N samples would reach the threshold after about N·(z*/z)² samples, z = D̄/SE, since SE shrinks as 1/√N.
/// </remarks>
public sealed class TendencySignificance
{
    /// <summary>The default family-wise error rate α of a run's verdicts.</summary>
    public const double DefaultFamilyWiseErrorRate = 0.05;

    /// <summary>Creates the rule for <paramref name="comparisons"/> tests at family-wise error rate
    /// <paramref name="familyWiseErrorRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">m &lt; 1 or α outside (0, 0.5].</exception>
    public TendencySignificance(int comparisons, double familyWiseErrorRate)
    {
        if (comparisons < 1) throw new ArgumentOutOfRangeException(nameof(comparisons), comparisons, $"comparisons must be at least 1; got {comparisons}.");
        CheckErrorRate(familyWiseErrorRate, nameof(familyWiseErrorRate));
        Comparisons = comparisons;
        FamilyWiseErrorRate = familyWiseErrorRate;
        CriticalZ = Normal.InvCDF(0, 1, 1 - familyWiseErrorRate / (2.0 * comparisons));
    }

    /// <summary>The number m of comparisons in the run.</summary>
    public int Comparisons { get; }

    /// <summary>The family-wise error rate α.</summary>
    public double FamilyWiseErrorRate { get; }

    /// <summary>The threshold z* = Φ⁻¹(1 − α/(2m)).</summary>
    public double CriticalZ { get; }

    /// <summary>True when |D̄| ≥ z*·SE and D̄ ≠ 0.</summary>
    public bool IsSignificant(MonteCarloEstimate difference) =>
        difference.Mean != 0 && Math.Abs(difference.Mean) >= CriticalZ * difference.StandardError;

    /// <summary>The samples ⌈N·(z*/z)²⌉, z = D̄/SE and N the difference's own sample count, at which a difference of the
    /// observed size would be significant; null when the observed difference is exactly zero (no sample size helps),
    /// <see cref="long.MaxValue"/> when beyond it.</summary>
    public long? SamplesNeeded(MonteCarloEstimate difference)
    {
        double z = Math.Abs(difference.ZScore(0));
        if (z == 0) return null;
        long samples = difference.Samples;
        double needed = Math.Ceiling(samples * (CriticalZ / z) * (CriticalZ / z));
        return needed >= long.MaxValue ? long.MaxValue : Math.Max(samples, (long)needed);
    }

    /// <summary>The test in words, e.g. "two-sided paired z-tests at |z| ≥ 2.39, Bonferroni over 3 comparisons, family-wise α = 0.05".</summary>
    public string Describe() => FormattableString.Invariant(
        $"two-sided paired z-tests at |z| ≥ {CriticalZ:0.00}, Bonferroni over {Comparisons} comparison{(Comparisons == 1 ? "" : "s")}, family-wise α = {FamilyWiseErrorRate:G3}");

    internal static void CheckErrorRate(double alpha, string name)
    {
        if (!(alpha > 0 && alpha <= 0.5))
            throw new ArgumentOutOfRangeException(name, alpha, $"the family-wise error rate must be in (0, 0.5]; got {alpha}.");
    }
}

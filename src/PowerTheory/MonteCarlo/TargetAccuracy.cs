namespace PowerTheory.MonteCarlo;

/// <summary>
/// The staged stopping rule of a target-accuracy run (docs/power.md, "Target accuracy"). Stage 1 is a pilot of n₀ units
/// (samples, or scrambles); from its largest standard error s₀ over the reported quantities the run grows, in whole
/// blocks, to n₁ = ⌈n₀·(s₀/X)²·1.2⌉ units — Stein's two-stage rule, with 20% over the estimated need so that the
/// variance estimate's own noise rarely leaves the final standard error above the target X. If it still is above it,
/// the same rule is applied again from the larger sample (at most 6 stages in all); every stage stops at the cap.
/// Because the sample size is set from the data only at stage ends, never by watching the running standard error
/// dip, the intervals keep their coverage (checked against exact values in the tests); and because blocks are fixed by
/// (seed, block index), the result is the result of a fixed run of the final size.
/// </summary>
internal static class TargetAccuracy
{
    /// <summary>The factor over the estimated need.</summary>
    public const double Inflation = 1.2;

    /// <summary>The most stages (pilot included).</summary>
    public const int MaxStages = 6;

    /// <summary>The units of the next stage's total: ⌈n·(s/X)²·1.2⌉ rounded up to whole blocks of
    /// <paramref name="unitsPerBlock"/>, more than <paramref name="units"/> by at least one block, at most
    /// <paramref name="capUnits"/>.</summary>
    public static long NextTotal(long units, double worstStandardError, double target, long capUnits, int unitsPerBlock)
    {
        double need = units * (worstStandardError / target) * (worstStandardError / target) * Inflation;
        long next = need >= capUnits ? capUnits : (long)Math.Ceiling(need);
        next = Math.Max(next, units + unitsPerBlock);
        next = (next + unitsPerBlock - 1) / unitsPerBlock * unitsPerBlock;
        return Math.Min(next, capUnits);
    }
}

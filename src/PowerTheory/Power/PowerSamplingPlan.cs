using PowerTheory.Mdps;
using PowerTheory.MonteCarlo;
using PowerTheory.MonteCarlo.Sampling;
using PowerTheory.Rewards;

namespace PowerTheory.Power;

/// <summary>
/// Which estimator a POWER run uses and its layout (docs/power.md, "Estimators"): the sampler (independent streams or
/// scrambled Sobol points, one scramble per block), the control covariates with their exact means per statistic slot,
/// the block size and the samples (for Sobol, whole scrambles), and the accuracy target. Requests that cannot be served
/// fall back visibly (<see cref="Internal.DegradationScope"/>).
/// </summary>
internal sealed class PowerSamplingPlan
{
    /// <summary>The fewest independent scrambles of a Sobol run (the replicates of its standard error).</summary>
    public const int MinimumScrambles = 16;

    /// <summary>Independent samples in the pilot stage of a target-accuracy run.</summary>
    public const int PilotSamples = 1024;

    /// <summary>Points per scramble of a target-accuracy Sobol run when the cap allows (the pilot is 16 scrambles).</summary>
    public const int TargetPointsPerScramble = 256;

    public PowerSamplingPlan(Mdp mdp, RewardDistribution rewards, PowerOptions o, double[] gammas, StatisticSlots slots,
        PowerComparisonRequest[] comparisons, int resolvedBlockSize, bool computesPower)
    {
        if (o.TargetStandardError is { } se && !(se > 0 && double.IsFinite(se)))
            throw new ArgumentOutOfRangeException(nameof(o.TargetStandardError), se, $"TargetStandardError must be a positive finite number; got {se}.");
        if (o.TargetCi95HalfWidth is { } hw && !(hw > 0 && double.IsFinite(hw)))
            throw new ArgumentOutOfRangeException(nameof(o.TargetCi95HalfWidth), hw, $"TargetCi95HalfWidth must be a positive finite number; got {hw}.");
        if (o.TargetStandardError is not null && o.TargetCi95HalfWidth is not null)
            throw new ArgumentException("give TargetStandardError or TargetCi95HalfWidth, not both.", nameof(o.TargetCi95HalfWidth));
        HasTarget = o.TargetStandardError is not null || o.TargetCi95HalfWidth is not null;
        int n = mdp.StateCount;
        bool quantiles = rewards.HasQuantiles(n);
        var sampler = o.Sampler ?? (HasTarget && quantiles && n <= SobolDirectionNumbers.MaxDimensions ? SamplingMethod.ScrambledSobol : SamplingMethod.Independent);
        if (sampler == SamplingMethod.ScrambledSobol && !quantiles)
        {
            Internal.DegradationScope.Record($"the Sobol sampler needs a quantile function for every state's law; '{rewards.Spec}' has none, so independent sampling was used");
            sampler = SamplingMethod.Independent;
        }
        else if (sampler == SamplingMethod.ScrambledSobol && n > SobolDirectionNumbers.MaxDimensions)
        {
            Internal.DegradationScope.Record($"the Sobol sampler has {SobolDirectionNumbers.MaxDimensions} dimensions and the MDP {n} states, so independent sampling was used");
            sampler = SamplingMethod.Independent;
        }
        Sampler = sampler;
        bool wantCovariates = computesPower && (o.ControlVariates ?? HasTarget);
        if (wantCovariates)
        {
            Covariates = ControlVariatePlan.TryCreate(mdp, rewards, gammas, out string? reason);
            if (Covariates is null && o.ControlVariates == true)
                Internal.DegradationScope.Record($"control variates were not used: {reason}");
        }
        int k = Covariates is null ? 0 : ControlVariatePlan.Count;
        Width = Adjusted ? 1 + k : 0;
        SlotMeans = gammas.Select((_, g) => SlotCovariateMeans(mdp, slots, comparisons, g, k)).ToArray();
        if (Sampler == SamplingMethod.ScrambledSobol)
        {
            BlockSize = o.BlockSize > 0 ? CheckPowerOfTwo(o.BlockSize) : AutomaticPointsPerScramble(o.Samples, HasTarget);
            if (o.Samples / BlockSize < MinimumScrambles)
                throw new ArgumentOutOfRangeException(nameof(o.Samples), o.Samples,
                    $"the Sobol sampler needs at least {MinimumScrambles} scrambles of {BlockSize} points, i.e. Samples ≥ {MinimumScrambles * BlockSize}; got {o.Samples}.");
            Samples = o.Samples / BlockSize * BlockSize;
            PrecisionBits = Math.Min(SobolDirectionNumbers.Bits, System.Numerics.BitOperations.Log2((uint)BlockSize) + 12);
        }
        else
        {
            BlockSize = resolvedBlockSize;
            Samples = o.Samples;
        }
    }

    public bool HasTarget { get; }
    public SamplingMethod Sampler { get; }
    public bool Sobol => Sampler == SamplingMethod.ScrambledSobol;
    public ControlVariatePlan? Covariates { get; }

    /// <summary>True when the run keeps vector sums in <see cref="RegressionTotals"/> (Sobol replicates, covariates, or both).</summary>
    public bool Adjusted => Sobol || Covariates is not null;

    /// <summary>D = 1 + K per moment slot (0: plain sums).</summary>
    public int Width { get; }

    /// <summary>Per γ, the exact covariate means of every moment slot, [slot·K + j].</summary>
    public double[][] SlotMeans { get; }

    public int BlockSize { get; }

    /// <summary>The samples of a fixed run (for Sobol, whole scrambles), or the cap of a target run.</summary>
    public int Samples { get; }

    /// <summary>Scrambled leading bits of each Sobol coordinate (⌈log₂ B⌉ + 12, at most 32).</summary>
    public int PrecisionBits { get; }

    /// <summary>The estimator's name for reports, e.g. <c>scrambled-sobol+control-variates</c>.</summary>
    public string Name => (Sobol ? "scrambled-sobol" : "independent") + (Covariates is null ? "" : "+control-variates");

    /// <summary>Points per scramble when none is given: for a target run 256 (fewer when the cap is small, so the
    /// 16-scramble pilot stays under a quarter of it); for a fixed run of N the largest power of two ≤ N/32 (at most
    /// 1024), so there are at least 32 scrambles.</summary>
    public static int AutomaticPointsPerScramble(int samples, bool target)
    {
        long limit = target ? Math.Min(TargetPointsPerScramble, samples / (4L * MinimumScrambles)) : Math.Min(1024, samples / 32L);
        return limit < 1 ? 1 : 1 << System.Numerics.BitOperations.Log2((ulong)limit);
    }

    private static int CheckPowerOfTwo(int b)
    {
        if (!System.Numerics.BitOperations.IsPow2(b) || b > 1 << 20)
            throw new ArgumentOutOfRangeException("BlockSize", b, $"with the Sobol sampler a block is one scramble, so BlockSize must be a power of two up to 2^20; got {b}.");
        return b;
    }

    private double[] SlotCovariateMeans(Mdp mdp, StatisticSlots slots, PowerComparisonRequest[] comparisons, int g, int k)
    {
        var means = new double[slots.Moments * k];
        if (Covariates is null) return means;
        var state = Covariates.StateMeans[g];
        for (int s = 0; s < mdp.StateCount; s++)
            for (int j = 0; j < k; j++) means[slots.Power(s) * k + j] = state[s * k + j];
        var column = new double[mdp.StateCount];
        for (int c = 0; c < comparisons.Length; c++)
        {
            var req = comparisons[c];
            int first = mdp.FirstStateAction(req.State);
            for (int j = 0; j < k; j++)
            {
                for (int s = 0; s < column.Length; s++) column[s] = state[s * k + j];
                double a = mdp.ExpectedValue(first + req.Action, column), b = mdp.ExpectedValue(first + req.OtherAction, column);
                means[slots.Comparison(c, 0) * k + j] = a;
                means[slots.Comparison(c, 1) * k + j] = b;
                means[slots.Comparison(c, 2) * k + j] = a - b;
            }
        }
        return means;
    }
}

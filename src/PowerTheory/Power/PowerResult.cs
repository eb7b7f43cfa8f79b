using PowerTheory.Mdps;

namespace PowerTheory.Power;

/// <summary>
/// The result of a Monte Carlo POWER run: for each requested γ a <see cref="PowerAtDiscount"/>, plus everything needed
/// to reproduce and report it (sample count, seed, block size, reward spec). The same reward samples serve every γ.
/// </summary>
public sealed class PowerResult
{
    private readonly double[][]? _samples;

    internal PowerResult(Mdp mdp, string rewardSpec, int samples, ulong seed, int blockSize, int threads,
        PowerAtDiscount[] byGamma, double[][]? keptSamples)
    {
        Mdp = mdp;
        RewardSpec = rewardSpec;
        Samples = samples;
        Seed = seed;
        BlockSize = blockSize;
        Threads = threads;
        ByGamma = Array.AsReadOnly(byGamma);
        _samples = keptSamples;
    }

    /// <summary>Fallbacks and loosened acceptances that happened while computing this result (what happened → how
    /// often); empty when everything ran as designed. Nothing degrades silently: the CLI prints each as a warning.</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The reward distribution's spec string (e.g. <c>uniform(0,1)</c>).</summary>
    public string RewardSpec { get; }

    /// <summary>The number of reward samples N behind every figure (fewer than requested when a time limit stopped the run).</summary>
    public int Samples { get; }

    /// <summary>The samples requested (<see cref="PowerOptions.Samples"/>).</summary>
    public int SamplesRequested { get; init; }

    /// <summary>True when <see cref="PowerOptions.TimeLimit"/> ran out first: the figures are those of the first
    /// <see cref="Samples"/> samples (a run of that many samples with the same seed and block size).</summary>
    public bool StoppedAtTimeLimit { get; init; }

    /// <summary>The estimator behind the figures (sampler, control covariates, replicates).</summary>
    public EstimatorReport Estimator { get; init; } = new("independent", MonteCarlo.SamplingMethod.Independent, [], 0, 1);

    /// <summary>How a target-accuracy run ended (null for a fixed run).</summary>
    public AccuracyReport? Accuracy { get; init; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The block size (part of the reproducibility contract together with the seed and N).</summary>
    public int BlockSize { get; }

    /// <summary>The worker threads used (results do not depend on it).</summary>
    public int Threads { get; }

    /// <summary>The estimates per γ, in request order.</summary>
    public IReadOnlyList<PowerAtDiscount> ByGamma { get; }

    /// <summary>The estimates at <paramref name="gamma"/> (exact match with a requested γ).</summary>
    public PowerAtDiscount At(double gamma) =>
        ByGamma.FirstOrDefault(g => g.Gamma == gamma)
        ?? throw new ArgumentException($"γ = {gamma} was not requested; requested: {string.Join(", ", ByGamma.Select(g => g.Gamma))}.", nameof(gamma));

    /// <summary>True when the caller asked to keep the per-sample values (<see cref="PowerOptions.KeepSamples"/>).</summary>
    public bool HasSamples => _samples is not null;

    /// <summary>The per-sample POWER values at the <paramref name="gammaIndex"/>-th requested γ, row-major
    /// [sample·|S| + state]: (1−γ)·max_a E V*(s') for γ∈(0,1), the next-state maximum at 0, g*(s) at 1.</summary>
    public ReadOnlySpan<double> SampleValues(int gammaIndex) =>
        _samples is null ? throw new InvalidOperationException("samples were not kept; set PowerOptions.KeepSamples.") : _samples[gammaIndex];
}

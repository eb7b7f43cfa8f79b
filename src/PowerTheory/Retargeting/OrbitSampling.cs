namespace PowerTheory.Retargeting;

/// <summary>How to sample an orbit too large to enumerate within the budget.</summary>
/// <param name="Seed">The seed of the generator (MathNet's xoshiro256**): the same seed gives the same sample, bit for bit.</param>
/// <param name="MaxSamples">The most permutations to draw (the node budget may stop sooner).</param>
/// <param name="Confidence">The level of the Clopper–Pearson intervals.</param>
public sealed record OrbitSampling(int Seed = 0, long MaxSamples = 100_000, double Confidence = 0.95)
{
    /// <summary>The default: seed 0, at most 100 000 samples, 95 % intervals.</summary>
    public static OrbitSampling Default { get; } = new();
}

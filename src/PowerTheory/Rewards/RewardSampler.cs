namespace PowerTheory.Rewards;

/// <summary>
/// A user-supplied reward sampler: fill <paramref name="rewards"/> (one entry per state) with one draw of R ~ D, using
/// <paramref name="random"/> as the only source of randomness. It is called concurrently from several threads with
/// different generators, so it must not share mutable state; drawing only from <paramref name="random"/> keeps results
/// reproducible from the seed.
/// </summary>
/// <param name="random">The generator of the current sample block.</param>
/// <param name="rewards">The reward vector to fill, length |S|.</param>
public delegate void RewardSampler(Random random, Span<double> rewards);

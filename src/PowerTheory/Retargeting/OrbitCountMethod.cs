namespace PowerTheory.Retargeting;

/// <summary>How orbit counts were obtained.</summary>
public enum OrbitCountMethod
{
    /// <summary>Every distinct permutation of θ was enumerated (exact counts when the search outcome is complete).</summary>
    Enumerated,

    /// <summary>Uniformly random permutations were drawn from a seed: the counts are of the sample, with confidence intervals.</summary>
    Sampled,
}

namespace PowerTheory.Retargeting;

/// <summary>Which permutations of the d coordinates <see cref="RetargeterSearch"/> tries, in the order tried.</summary>
public enum RetargeterClass
{
    /// <summary>The d(d−1)/2 transpositions (i j).</summary>
    Transpositions,

    /// <summary>All involutions other than the identity: products of 1, 2, … disjoint transpositions, fewest first.</summary>
    Involutions,

    /// <summary>The involutions, then every other non-identity permutation (d! − 1 in all): Def. 3.5 does not require involutions.</summary>
    AllPermutations,
}

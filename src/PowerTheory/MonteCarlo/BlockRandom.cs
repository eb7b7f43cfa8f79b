namespace PowerTheory.MonteCarlo;

/// <summary>
/// The per-block random streams of the Monte Carlo engine. Block b of a run with seed K draws from its own
/// <see cref="Xoshiro256StarStarRandom"/> whose full 256-bit state is four consecutive outputs of one SplitMix64
/// sequence started at k₀ = SplitMix64(K):
/// <code>
///   sᵢ = Mix(k₀ + (4b + i + 1)·φ)   for i = 0..3,   φ = 0x9E3779B97F4A7C15 (odd), Mix = the SplitMix64 finaliser,
/// </code>
/// i.e. block b takes outputs 4b+1 … 4b+4 of that sequence (Steele, Lea and Flood 2014; this is the seeding Blackman
/// and Vigna recommend for xoshiro). A block's draws therefore depend on (K, b) only, never on which thread runs it or
/// when.
/// <para>
/// Collision-free within a run: j ↦ k₀ + j·φ is injective modulo 2⁶⁴ because φ is odd, and Mix is a bijection, so for
/// one seed all 4B state words of blocks 0 … B−1 are pairwise distinct (for B ≤ 2⁶²). Two blocks of a run never
/// share a starting state, nor even a single state word; in particular their first outputs (a bijection of s₁) differ.
/// At most one word of a state is zero (Mix(0) = 0), so no state is the forbidden all-zero one. Streams of different
/// blocks could still overlap further along the single xoshiro256** cycle of length 2²⁵⁶ − 1, but for B blocks of
/// L draws each that needs two starting points within L steps of each other: about B²L/2²⁵⁶, negligible.
/// </para>
/// <para>
/// Across seeds: distinct seeds give distinct k₀, but they walk the same SplitMix64 cycle, so two runs with B blocks
/// each share state words only when their starting points are within 4B steps — probability about 8B/2⁶⁴ for
/// unrelated seeds.
/// </para>
/// </summary>
internal static class BlockRandom
{
    /// <summary>SplitMix64's increment, the odd constant ⌊2⁶⁴/golden ratio⌉.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The largest block index (exclusive) for which distinct blocks are guaranteed distinct streams.</summary>
    public const long MaxBlocks = 1L << 62;

    /// <summary>One SplitMix64 step from state <paramref name="x"/>: the finaliser (a bijective 64-bit mixer) of
    /// x + φ (Steele, Lea and Flood 2014).</summary>
    public static ulong SplitMix64(ulong x) => Mix(x + Golden);

    /// <summary>The SplitMix64 finaliser (Stafford's variant 13 of MurmurHash3's fmix64): a bijection of 64-bit words
    /// with Mix(0) = 0.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The 256-bit xoshiro256** state of block <paramref name="block"/> of a run with seed
    /// <paramref name="seed"/>: outputs 4b+1 … 4b+4 of the SplitMix64 sequence started at SplitMix64(seed).</summary>
    public static (ulong S0, ulong S1, ulong S2, ulong S3) BlockState(ulong seed, long block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, MaxBlocks);
        unchecked
        {
            ulong x = SplitMix64(seed) + 4 * (ulong)block * Golden; // the SplitMix64 state after 4b steps
            ulong s0 = SplitMix64(x);
            x += Golden;
            ulong s1 = SplitMix64(x);
            x += Golden;
            ulong s2 = SplitMix64(x);
            x += Golden;
            ulong s3 = SplitMix64(x);
            return (s0, s1, s2, s3);
        }
    }

    /// <summary>A fresh, non-thread-safe generator for block <paramref name="block"/>.</summary>
    public static Random ForBlock(ulong seed, long block)
    {
        var (s0, s1, s2, s3) = BlockState(seed, block);
        return new Xoshiro256StarStarRandom(s0, s1, s2, s3);
    }
}

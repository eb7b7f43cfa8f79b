using MathNet.Numerics.Random;

namespace PowerTheory.Power;

/// <summary>
/// The per-block random streams of the Monte Carlo engine. Block b of a run with seed K draws from MathNet's
/// <see cref="Xoshiro256StarStar"/> seeded with the 32-bit value
/// seed_b = upper 32 bits of SplitMix64(K ⊕ SplitMix64(b + 1)), so a block's draws depend on (K, b) only and never on
/// which thread runs it or when. (MathNet's generator takes a 32-bit seed and expands it to its 256-bit state with
/// SplitMix64 itself; two blocks of one run share a stream only with probability about B²/2³³ for B blocks.)
/// </summary>
internal static class BlockRandom
{
    /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer.</summary>
    public static ulong SplitMix64(ulong x)
    {
        ulong z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The 32-bit generator seed of block <paramref name="block"/>.</summary>
    public static int BlockSeed(ulong seed, long block) =>
        unchecked((int)(SplitMix64(seed ^ SplitMix64((ulong)block + 1)) >> 32));

    /// <summary>A fresh, non-thread-safe generator for block <paramref name="block"/>.</summary>
    public static Random ForBlock(ulong seed, long block) => new Xoshiro256StarStar(BlockSeed(seed, block), threadSafe: false);
}

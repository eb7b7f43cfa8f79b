using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PowerTheory.MonteCarlo.Sampling;

/// <summary>
/// The hash-based Owen scramble of <see cref="ScrambledSobolPoints"/> applied to unscrambled 32-bit coordinates (the
/// construction and why it is a nested uniform scramble are described there): the node at depth 6t with prefix p
/// draws the word Mix(key + (2^{6t} | p)·φ), whose bit 2^ℓ − 1 + q is the coin of its descendant at local depth ℓ
/// with local prefix q; the bits below the first P are the top 52 − P bits of Mix(key + (2⁴⁰ | 2^P | prefix)·φ). The
/// 52-bit result k is returned as (k + ½)/2⁵². <see cref="Apply"/> works four coordinates at a time with AVX2 when
/// the processor has it and gives bit for bit the results of <see cref="Scalar"/>.
/// </summary>
internal static class OwenScramble
{
    /// <summary>The number of scrambled bits plus hash bits per coordinate.</summary>
    public const int OutputBits = 52;

    /// <summary>The tag that keeps the tail hash's inputs apart from the node words (node numbers are below 2³³).</summary>
    public const ulong TailTag = 1UL << 40;

    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL, Mix2 = 0x94D049BB133111EBUL;
    private const ulong OneBits = 0x3FF0000000000000UL; // the bits of 1.0
    private const double HalfCell = 1.0 / (1L << 53);

    /// <summary>The scrambled coordinates of <paramref name="x"/> under the per-coordinate streams
    /// <paramref name="keys"/>, the first <paramref name="precision"/> bits node by node, into <paramref name="u"/>.</summary>
    public static void Apply(ReadOnlySpan<uint> x, ReadOnlySpan<ulong> keys, int precision, Span<double> u)
    {
        int j = 0;
        if (Avx2.IsSupported && x.Length >= 4) j = ApplyAvx2(x, keys, precision, u);
        for (; j < x.Length; j++) u[j] = Scalar(x[j], keys[j], precision);
    }

    /// <summary>One scrambled coordinate, as the midpoint of its 52-bit cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar(uint x, ulong key, int precision)
    {
        unchecked
        {
            ulong x64 = x;
            ulong flips = 0;
            for (int depth = 0; depth < precision; depth += 6)
            {
                ulong node = (x64 >> (32 - depth)) | (1UL << depth); // x64 >> 32 = 0 at the root
                ulong coins = BlockRandom.Mix(key + node * BlockRandom.Golden);
                ulong c = (x64 << 32 >> (58 - depth)) & 63; // the next six bits (zero-padded past bit 32)
                ulong f = (coins & 1) << 5
                    | ((coins >> (int)(1 + (c >> 5))) & 1) << 4
                    | ((coins >> (int)(3 + (c >> 4))) & 1) << 3
                    | ((coins >> (int)(7 + (c >> 3))) & 1) << 2
                    | ((coins >> (int)(15 + (c >> 2))) & 1) << 1
                    | ((coins >> (int)(31 + (c >> 1))) & 1);
                flips |= f << 58 >> (32 + depth); // the six flips at bits depth+1 … depth+6 of the 32
            }
            int tailBits = OutputBits - precision;
            ulong prefix = x64 >> (32 - precision);
            ulong head = (x64 ^ flips) >> (32 - precision);
            ulong tail = BlockRandom.Mix(key + (TailTag | (1UL << precision) | prefix) * BlockRandom.Golden) >> (64 - tailBits);
            return Midpoint((head << tailBits) | tail);
        }
    }

    /// <summary>(k + ½)/2⁵², exactly: 1 + k/2⁵² from its bits, minus 1 (exact), plus 2⁻⁵³ (exact, as 2k + 1 &lt; 2⁵³).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Midpoint(ulong k) => (BitConverter.UInt64BitsToDouble(OneBits | k) - 1.0) + HalfCell;

    private static int ApplyAvx2(ReadOnlySpan<uint> x, ReadOnlySpan<ulong> keys, int precision, Span<double> u)
    {
        int tailBits = OutputBits - precision;
        var golden = Vector256.Create(BlockRandom.Golden);
        var tailTag = Vector256.Create(TailTag | (1UL << precision));
        var one = Vector256.Create(1UL);
        var six = Vector256.Create(63UL);
        var oneBits = Vector256.Create(OneBits);
        var half = Vector256.Create(HalfCell);
        var unit = Vector256.Create(1.0);
        int j = 0;
        for (; j + 4 <= x.Length; j += 4)
        {
            var xv = Vector256.WidenLower(Vector128.Create(x[j], x[j + 1], x[j + 2], x[j + 3]).ToVector256Unsafe());
            var key = Vector256.Create(keys[j], keys[j + 1], keys[j + 2], keys[j + 3]);
            var flips = Vector256<ulong>.Zero;
            var high = Vector256.ShiftLeft(xv, 32);
            for (int depth = 0; depth < precision; depth += 6)
            {
                var node = Vector256.ShiftRightLogical(xv, (byte)(32 - depth)) | Vector256.Create(1UL << depth);
                var coins = Mix(key + Multiply(node, golden));
                var c = Vector256.ShiftRightLogical(high, (byte)(58 - depth)) & six;
                var f = Vector256.ShiftLeft(coins & one, 5)
                    | Vector256.ShiftLeft(Avx2.ShiftRightLogicalVariable(coins, Vector256.ShiftRightLogical(c, 5) + one) & one, 4)
                    | Vector256.ShiftLeft(Avx2.ShiftRightLogicalVariable(coins, Vector256.ShiftRightLogical(c, 4) + Vector256.Create(3UL)) & one, 3)
                    | Vector256.ShiftLeft(Avx2.ShiftRightLogicalVariable(coins, Vector256.ShiftRightLogical(c, 3) + Vector256.Create(7UL)) & one, 2)
                    | Vector256.ShiftLeft(Avx2.ShiftRightLogicalVariable(coins, Vector256.ShiftRightLogical(c, 2) + Vector256.Create(15UL)) & one, 1)
                    | (Avx2.ShiftRightLogicalVariable(coins, Vector256.ShiftRightLogical(c, 1) + Vector256.Create(31UL)) & one);
                flips |= Vector256.ShiftRightLogical(Vector256.ShiftLeft(f, 58), (byte)(32 + depth));
            }
            var prefix = Vector256.ShiftRightLogical(xv, (byte)(32 - precision));
            var head = Vector256.ShiftRightLogical(xv ^ flips, (byte)(32 - precision));
            var tail = Vector256.ShiftRightLogical(Mix(key + Multiply(tailTag | prefix, golden)), (byte)(64 - tailBits));
            var k = Vector256.ShiftLeft(head, (byte)tailBits) | tail;
            var value = ((oneBits | k).AsDouble() - unit) + half;
            value.CopyTo(u.Slice(j, 4));
        }
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = Multiply(z ^ Vector256.ShiftRightLogical(z, 30), Vector256.Create(Mix1));
        z = Multiply(z ^ Vector256.ShiftRightLogical(z, 27), Vector256.Create(Mix2));
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>The 64-bit products a·b mod 2⁶⁴ lane by lane from three 32×32→64 multiplies (AVX2 has no 64-bit one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Multiply(Vector256<ulong> a, Vector256<ulong> b)
    {
        var low = Avx2.Multiply(a.AsUInt32(), b.AsUInt32());
        var cross = Avx2.Multiply(Vector256.ShiftRightLogical(a, 32).AsUInt32(), b.AsUInt32())
            + Avx2.Multiply(a.AsUInt32(), Vector256.ShiftRightLogical(b, 32).AsUInt32());
        return low + Vector256.ShiftLeft(cross, 32);
    }
}

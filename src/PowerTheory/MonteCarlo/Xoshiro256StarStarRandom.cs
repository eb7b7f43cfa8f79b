using System.Buffers.Binary;
using System.Numerics;

namespace PowerTheory.MonteCarlo;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021; preprint 2018)
/// as a <see cref="Random"/>, so MathNet's distributions can draw from it. Not thread-safe. Every virtual member of
/// <see cref="Random"/> is overridden, so the base class's own generator is never used.
/// <list type="bullet">
/// <item><see cref="NextDouble"/> is (x ≫ 11)·2⁻⁵³ for the next 64-bit output x: a multiple of 2⁻⁵³ in [0, 1).</item>
/// <item>Bounded integers use Lemire's multiply-and-reject method (Lemire 2019), unbiased.</item>
/// </list>
/// </summary>
internal sealed class Xoshiro256StarStarRandom : Random
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private const float TwoToMinus24 = 1.0f / (1U << 24);

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator with the given state, which must not be all zero.</summary>
    public Xoshiro256StarStarRandom(ulong s0, ulong s1, ulong s2, ulong s3)
        : base(0) // the base class's (lazily created) legacy generator is never used: every member is overridden
    {
        if ((s0 | s1 | s2 | s3) == 0)
            throw new ArgumentException("the xoshiro256** state must not be all zero.");
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
        return result;
    }

    /// <inheritdoc />
    public override double NextDouble() => (NextUInt64() >> 11) * TwoToMinus53;

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * TwoToMinus24;

    /// <inheritdoc />
    public override int Next()
    {
        while (true)
        {
            ulong r = NextUInt64() >> 33; // [0, 2³¹)
            if (r != int.MaxValue) return (int)r;
        }
    }

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (int)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)((long)maxValue - minValue);
        return range <= 1 ? minValue : (int)(minValue + (long)Bounded(range));
    }

    /// <inheritdoc />
    public override long NextInt64()
    {
        while (true)
        {
            ulong r = NextUInt64() >> 1; // [0, 2⁶³)
            if (r != long.MaxValue) return (long)r;
        }
    }

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue <= 1 ? 0 : (long)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = unchecked((ulong)maxValue - (ulong)minValue);
        return range <= 1 ? minValue : unchecked(minValue + (long)Bounded(range));
    }

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }
        if (buffer.IsEmpty) return;
        Span<byte> last = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(last, NextUInt64());
        last[..buffer.Length].CopyTo(buffer);
    }

    /// <summary>A uniform integer in [0, n) for n ≥ 1 (Lemire, "Fast random integer generation in an interval",
    /// ACM TOMS 2019).</summary>
    private ulong Bounded(ulong n)
    {
        ulong high = Math.BigMul(NextUInt64(), n, out ulong low);
        if (low < n)
        {
            ulong threshold = (0 - n) % n;
            while (low < threshold) high = Math.BigMul(NextUInt64(), n, out low);
        }
        return high;
    }
}

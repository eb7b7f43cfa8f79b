using System.Numerics;

namespace PowerTheory.MonteCarlo.Sampling;

/// <summary>
/// The first <see cref="Dimensions"/> coordinates of the Sobol sequence (Joe–Kuo direction numbers,
/// <see cref="SobolDirectionNumbers"/>) in Gray-code order, under an Owen (nested uniform) scramble that is a pure
/// function of (seed, scramble index, dimension). Point n is x = ⊕_k g_k·v_k with g = n ⊕ (n ≫ 1) its Gray code, so
/// consecutive points differ by one XOR per dimension; the order is SciPy's (<c>scipy.stats.qmc.Sobol</c>).
/// At most 2³² points per scramble.
/// <para>
/// <b>The scramble.</b> Reading a coordinate's bits from the most significant, bit k is flipped by a random bit that
/// depends on (seed, scramble, dimension, the k−1 preceding bits of the unscrambled coordinate) — one independent
/// coin per node of the binary tree of dyadic intervals, which is Owen's nested uniform scramble in base 2. The
/// coins come from a hash: the node at depth 6t with prefix p (t = 0, 1, …) has the 64-bit word
/// Mix(key + (2^{6t} | p)·φ), a SplitMix64 output (<see cref="BlockRandom"/>) on the coordinate's own stream
/// key = f(seed, scramble, dimension); its bits 0 … 62 are the coins of the 63 nodes of depth 6t … 6t+5 below it
/// (heap order: the node at local depth ℓ with local prefix q uses bit 2^ℓ − 1 + q). Distinct nodes get distinct
/// hash inputs, so their coins are as independent as the mixer's outputs.
/// </para>
/// <para>
/// <b>Precision.</b> Only the first <c>precisionBits</c> = P bits (1 … 32) are scrambled node by node; the bits
/// below them are one hash of the full P-bit prefix (a separate stream tag, 2⁴⁰, keeps those inputs apart from the
/// node words). This is still a nested uniform scramble of every point actually used as long as the points of one
/// scramble differ within their first P bits — true for the first 2^m points when P ≥ m, because each
/// one-dimensional projection of them is a (0, m, 1)-net. Then every point is alone in its depth-P subtree, and a
/// nested uniform scramble gives a lone point i.i.d. uniform bits below that depth, independent of everything above;
/// one hash of the prefix per point is exactly that. Pass P = ⌈log₂ (points per scramble)⌉ + a few to save hashing.
/// </para>
/// <para>
/// <b>Output.</b> The 52-bit scrambled integer k (P scrambled bits, then 52 − P hash bits) is returned as the midpoint
/// (k + ½)/2⁵², which is exact in a double and lies in the open interval (0, 1). (A 53-bit k would not work: for
/// k ≥ 2⁵², (k + ½)/2⁵³ is not representable, and k = 2⁵³ − 1 rounds to 1.)
/// </para>
/// The scrambling itself is <see cref="OwenScramble"/> (AVX2, four coordinates at a time, when available). Not
/// thread-safe; one instance per thread.
/// </summary>
internal sealed class ScrambledSobolPoints
{
    /// <summary>The number of points of one scramble: 2³², the direction numbers' precision.</summary>
    public const long MaxPoints = 1L << SobolDirectionNumbers.Bits;

    private const double Unit32 = 1.0 / (1L << 32);

    private readonly uint[] _x;      // the unscrambled coordinates of the current point
    private readonly ulong[] _keys;  // the per-dimension hash streams
    private readonly int _precision;
    private readonly bool _scrambled;
    private long _index;

    /// <summary>A scrambled Sobol sequence in <paramref name="dimensions"/> dimensions, positioned at point 0.</summary>
    /// <param name="dimensions">1 … <see cref="SobolDirectionNumbers.MaxDimensions"/>.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="scramble">Which independent scramble of the run (≥ 0).</param>
    /// <param name="precisionBits">The number of leading bits scrambled node by node, 1 … 32 (see the remarks).</param>
    public ScrambledSobolPoints(int dimensions, ulong seed, long scramble, int precisionBits = SobolDirectionNumbers.Bits)
        : this(dimensions, seed, scramble, precisionBits, scrambled: true)
    {
    }

    private ScrambledSobolPoints(int dimensions, ulong seed, long scramble, int precisionBits, bool scrambled)
    {
        SobolDirectionNumbers.CheckDimensions(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(scramble);
        if (precisionBits < 1 || precisionBits > SobolDirectionNumbers.Bits)
            throw new ArgumentOutOfRangeException(nameof(precisionBits), precisionBits,
                $"precisionBits must be 1 to {SobolDirectionNumbers.Bits}; {precisionBits} was given.");
        _ = SobolDirectionNumbers.BitMajor; // decode the table now, not in the first Next
        Dimensions = dimensions;
        _precision = precisionBits;
        _scrambled = scrambled;
        _x = new uint[dimensions];
        _keys = new ulong[dimensions];
        unchecked
        {
            ulong run = BlockRandom.Mix(BlockRandom.SplitMix64(seed) ^ BlockRandom.Mix((ulong)scramble * BlockRandom.Golden + 0x5851F42D4C957F2DUL));
            for (int j = 0; j < dimensions; j++) _keys[j] = BlockRandom.Mix(run + (ulong)(j + 1) * BlockRandom.Golden);
        }
    }

    /// <summary>The plain (unscrambled) Sobol points x/2³² — point 0 is the origin — for tests against other
    /// implementations.</summary>
    internal static ScrambledSobolPoints Unscrambled(int dimensions) =>
        new(dimensions, 0, 0, SobolDirectionNumbers.Bits, scrambled: false);

    /// <summary>The number of coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>The index of the point the next <see cref="Next"/> writes.</summary>
    public long Index => _index;

    /// <summary>Moves to point <paramref name="index"/> (0 … 2³² − 1), computed directly from its Gray code.</summary>
    public void Seek(long index)
    {
        if (index < 0 || index >= MaxPoints)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A Sobol point index is 0 to {MaxPoints - 1}; {index} was given.");
        var table = SobolDirectionNumbers.BitMajor;
        var x = _x.AsSpan();
        x.Clear();
        ulong gray = (ulong)index ^ ((ulong)index >> 1);
        for (int k = 0; gray != 0; k++, gray >>= 1)
            if ((gray & 1) != 0)
            {
                var v = table.Slice(k * SobolDirectionNumbers.MaxDimensions, x.Length);
                for (int j = 0; j < x.Length; j++) x[j] ^= v[j];
            }
        _index = index;
    }

    /// <summary>Writes the current point to <paramref name="u"/> (length ≥ <see cref="Dimensions"/>) and advances
    /// to the next one.</summary>
    public void Next(Span<double> u)
    {
        if (u.Length < Dimensions)
            throw new ArgumentException($"The point has {Dimensions} coordinates; the span holds {u.Length}.", nameof(u));
        if (_index >= MaxPoints)
            throw new InvalidOperationException($"A Sobol scramble has {MaxPoints} points; all were drawn.");
        var x = _x.AsSpan();
        if (_scrambled)
            OwenScramble.Apply(x, _keys, _precision, u);
        else
            for (int j = 0; j < x.Length; j++) u[j] = x[j] * Unit32;
        long next = _index + 1;
        if (next < MaxPoints)
        {
            int column = BitOperations.TrailingZeroCount((ulong)next);
            var v = SobolDirectionNumbers.BitMajor.Slice(column * SobolDirectionNumbers.MaxDimensions, x.Length);
            for (int j = 0; j < x.Length; j++) x[j] ^= v[j];
        }
        _index = next;
    }
}

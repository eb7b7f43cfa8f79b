using System.IO.Compression;
using System.Reflection;

namespace PowerTheory.MonteCarlo.Sampling;

/// <summary>
/// The Sobol direction numbers of Joe and Kuo's data set new-joe-kuo-6.21201 (S. Joe and F. Y. Kuo, "Constructing
/// Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654; data
/// copyright (c) 2008 Frances Y. Kuo and Stephen Joe, distributed under a BSD-style licence,
/// https://web.maths.unsw.edu.au/~fkuo/sobol/). The data is the embedded resource joe-kuo-6.21201.bin.gz, written by
/// benchmarks/tools/sobol_direction_numbers.py: a varint dimension count, then per dimension the varints s (degree
/// of the primitive polynomial), a (its s−1 inner coefficient bits, a₁ the most significant) and m₁ … m_s.
/// <para>
/// Dimension 1 is the van der Corput sequence (all m_k = 1). For the others the m_k for k &gt; s follow Joe and
/// Kuo's recurrence m_k = 2a₁m_{k−1} ⊕ 2²a₂m_{k−2} ⊕ … ⊕ 2^{s−1}a_{s−1}m_{k−s+1} ⊕ 2^s m_{k−s} ⊕ m_{k−s}, and the
/// direction number is v_k = m_k·2^{32−k}, MSB-aligned in 32 bits. The table is decoded once, on first use
/// (thread-safe), and kept for the process.
/// </para>
/// </summary>
internal static class SobolDirectionNumbers
{
    /// <summary>The number of dimensions of the data set.</summary>
    public const int MaxDimensions = 21201;

    /// <summary>Bits per coordinate, and direction numbers per dimension.</summary>
    public const int Bits = 32;

    private const string ResourceName = "PowerTheory.MonteCarlo.Sampling.joe-kuo-6.21201.bin.gz";

    private static readonly Lazy<uint[]> Table = new(Decode, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The direction numbers of the first <paramref name="dimensions"/> dimensions, dimension-major: entry
    /// j·32 + (k−1) is v_{j+1,k} (k = 1 … 32), MSB-aligned. A fresh array the caller may keep.</summary>
    public static uint[] Directions(int dimensions)
    {
        CheckDimensions(dimensions);
        var table = Table.Value;
        var result = new uint[dimensions * Bits];
        for (int k = 0; k < Bits; k++)
            for (int j = 0; j < dimensions; j++)
                result[j * Bits + k] = table[k * MaxDimensions + j];
        return result;
    }

    /// <summary>The shared table, bit-major: entry (k−1)·<see cref="MaxDimensions"/> + j is v_{j+1,k}, so the k-th
    /// direction numbers of the first d dimensions are contiguous. Read-only by contract.</summary>
    internal static ReadOnlySpan<uint> BitMajor => Table.Value;

    /// <summary>Refuses a dimension count outside 1 … <see cref="MaxDimensions"/>.</summary>
    internal static void CheckDimensions(int dimensions)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions,
                $"Sobol points need 1 to {MaxDimensions} dimensions (the Joe–Kuo direction numbers have {MaxDimensions}); {dimensions} were asked for.");
    }

    private static uint[] Decode()
    {
        byte[] bytes = ReadResource();
        int pos = 0;
        int count = checked((int)ReadVarint(bytes, ref pos));
        if (count != MaxDimensions)
            throw new InvalidDataException($"The Sobol direction-number resource has {count} dimensions, expected {MaxDimensions}.");
        var table = new uint[Bits * MaxDimensions];
        Span<uint> m = stackalloc uint[Bits];
        for (int j = 0; j < count; j++)
        {
            int s = checked((int)ReadVarint(bytes, ref pos));
            uint a = checked((uint)ReadVarint(bytes, ref pos));
            if (s >= Bits || (j == 0) != (s == 0))
                throw new InvalidDataException($"Sobol dimension {j + 1}: degree {s} is out of range.");
            for (int k = 0; k < s; k++) m[k] = checked((uint)ReadVarint(bytes, ref pos));
            if (s == 0)
                m.Fill(1);
            else
                for (int k = s; k < Bits; k++)
                {
                    uint next = m[k - s] ^ (m[k - s] << s);
                    for (int i = 1; i < s; i++)
                        if (((a >> (s - 1 - i)) & 1) != 0) next ^= m[k - i] << i;
                    m[k] = next;
                }
            for (int k = 0; k < Bits; k++) table[k * MaxDimensions + j] = m[k] << (Bits - 1 - k);
        }
        if (pos != bytes.Length)
            throw new InvalidDataException("The Sobol direction-number resource has trailing bytes.");
        return table;
    }

    private static byte[] ReadResource()
    {
        using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static ulong ReadVarint(byte[] bytes, ref int pos)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (pos >= bytes.Length || shift > 63)
                throw new InvalidDataException("The Sobol direction-number resource is truncated.");
            byte b = bytes[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }
}

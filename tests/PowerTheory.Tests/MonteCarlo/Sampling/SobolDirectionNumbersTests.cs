using PowerTheory.MonteCarlo.Sampling;

namespace PowerTheory.Tests.MonteCarlo.Sampling;

/// <summary>
/// <see cref="SobolDirectionNumbers"/> and the plain Sobol points against SciPy 1.10.1's
/// <c>scipy.stats.qmc.Sobol(d, scramble=False)</c>, an independent implementation of the same Joe–Kuo data. The
/// expected rows were produced once with /usr/bin/python3:
/// <code>
///   p = qmc.Sobol(d, scramble=False).random(n); (p * 2**30).astype(np.int64)   # SciPy keeps 30 bits
/// </code>
/// </summary>
public class SobolDirectionNumbersTests
{
    [Test]
    public void TheFirstDimensionsFollowJoeAndKuo()
    {
        var v = SobolDirectionNumbers.Directions(3);
        Assert.That(v, Has.Length.EqualTo(3 * 32));
        for (int k = 1; k <= 32; k++)
            Assert.That(v[k - 1], Is.EqualTo(1u << (32 - k)), $"dimension 1 is van der Corput, v_{k}");
        // Dimension 2: s = 1, a = 0, m₁ = 1, so m_k = m_{k−1} ⊕ 2m_{k−1}: 1, 3, 5, 15, 17, 51.
        uint[] m2 = [1, 3, 5, 15, 17, 51];
        for (int k = 1; k <= m2.Length; k++) Assert.That(v[32 + k - 1], Is.EqualTo(m2[k - 1] << (32 - k)), $"v_2,{k}");
        // Dimension 3: s = 2, a = 1, m = 1, 3, so m_k = 2m_{k−1} ⊕ 4m_{k−2} ⊕ m_{k−2}: 1, 3, 3 (= 6 ⊕ 4 ⊕ 1), 9 (= 6 ⊕ 12 ⊕ 3).
        uint[] m3 = [1, 3, 3, 9];
        for (int k = 1; k <= m3.Length; k++) Assert.That(v[64 + k - 1], Is.EqualTo(m3[k - 1] << (32 - k)), $"v_3,{k}");
    }

    [Test]
    public void EveryDirectionNumberIsAnOddMShiftedIntoPlace()
    {
        // m_k is odd and below 2^k, so v_k = m_k·2^{32−k} has bit 32−k set and no bit below it.
        var v = SobolDirectionNumbers.Directions(SobolDirectionNumbers.MaxDimensions);
        int bad = 0;
        for (int j = 0; j < SobolDirectionNumbers.MaxDimensions; j++)
            for (int k = 1; k <= 32; k++)
            {
                ulong d = v[j * 32 + k - 1], low = (1UL << (32 - k)) - 1;
                if (((d >> (32 - k)) & 1) != 1 || (d & low) != 0) bad++;
            }
        Assert.That(bad, Is.Zero);
    }

    [Test]
    public void TwoAndTenDimensionsMatchSciPy()
    {
        long[][] two =
        [
            [0, 0], [536870912, 536870912], [805306368, 268435456], [268435456, 805306368],
            [402653184, 402653184], [939524096, 939524096], [671088640, 134217728], [134217728, 671088640],
        ];
        long[][] ten =
        [
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [536870912, 536870912, 536870912, 536870912, 536870912, 536870912, 536870912, 536870912, 536870912, 536870912],
            [805306368, 268435456, 268435456, 268435456, 805306368, 805306368, 268435456, 805306368, 805306368, 805306368],
            [268435456, 805306368, 805306368, 805306368, 268435456, 268435456, 805306368, 268435456, 268435456, 268435456],
            [402653184, 402653184, 671088640, 939524096, 402653184, 134217728, 402653184, 939524096, 939524096, 671088640],
            [939524096, 939524096, 134217728, 402653184, 939524096, 671088640, 939524096, 402653184, 402653184, 134217728],
            [671088640, 134217728, 939524096, 671088640, 671088640, 939524096, 134217728, 134217728, 134217728, 402653184],
            [134217728, 671088640, 402653184, 134217728, 134217728, 402653184, 671088640, 671088640, 671088640, 939524096],
        ];
        foreach (var table in new[] { two, ten })
        {
            var points = ScrambledSobolPoints.Unscrambled(table[0].Length);
            var u = new double[points.Dimensions];
            for (int i = 0; i < table.Length; i++)
            {
                points.Next(u);
                Assert.That(u.Select(x => (long)(x * (1 << 30))), Is.EqualTo(table[i]), $"d = {u.Length}, point {i}");
            }
        }
    }

    [Test]
    public void HighDimensionsMatchSciPy()
    {
        // qmc.Sobol(21201, scramble=False).random(1024)[i, dims] * 2**30 for dims 1, 2, 3, 100, 5000, 21200, 21201.
        int[] dims = [0, 1, 2, 99, 4999, 21199, 21200];
        var expected = new Dictionary<long, long[]>
        {
            [1] = [536870912, 536870912, 536870912, 536870912, 536870912, 536870912, 536870912],
            [2] = [805306368, 268435456, 268435456, 805306368, 805306368, 805306368, 805306368],
            [5] = [939524096, 939524096, 134217728, 402653184, 671088640, 402653184, 134217728],
            [7] = [134217728, 671088640, 402653184, 671088640, 402653184, 671088640, 939524096],
            [1000] = [235929600, 103809024, 556793856, 200278016, 152043520, 1016070144, 89128960],
            [1023] = [1048576, 808452096, 657457152, 569376768, 856686592, 915406848, 256901120],
        };
        var points = ScrambledSobolPoints.Unscrambled(SobolDirectionNumbers.MaxDimensions);
        var u = new double[points.Dimensions];
        foreach (var (index, row) in expected)
        {
            points.Seek(index);
            points.Next(u);
            Assert.That(dims.Select(j => (long)(u[j] * (1 << 30))), Is.EqualTo(row), $"point {index}");
        }
        // Point 2^k − 1 has Gray code 2^{k−1}: it is v_k itself, so point 1023 checks v_10 of those dimensions.
        var v = SobolDirectionNumbers.Directions(SobolDirectionNumbers.MaxDimensions);
        for (int c = 0; c < dims.Length; c++)
            Assert.That(v[dims[c] * 32 + 9] >> 2, Is.EqualTo((uint)expected[1023][c]));
    }
}

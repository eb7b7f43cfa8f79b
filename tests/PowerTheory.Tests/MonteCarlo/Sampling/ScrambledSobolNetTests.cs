using PowerTheory.MonteCarlo.Sampling;

namespace PowerTheory.Tests.MonteCarlo.Sampling;

/// <summary>
/// The net properties an Owen scramble must keep (it maps each elementary interval onto one of the same shape): every
/// one-dimensional projection of the first 2^m points is a (0, m, 1)-net, dimensions 1 and 2 form a (0, m, 2)-net,
/// and any other pair keeps the t-value its unscrambled points have.
/// </summary>
public class ScrambledSobolNetTests
{
    /// <summary>The first <paramref name="n"/> points, point-major.</summary>
    internal static double[] Draw(ScrambledSobolPoints points, int n)
    {
        int d = points.Dimensions;
        var all = new double[n * d];
        for (int i = 0; i < n; i++) points.Next(all.AsSpan(i * d, d));
        return all;
    }

    [Test]
    public void EveryDimensionUpToTheLastIsAZeroMOneNet()
    {
        const int m = 8, n = 1 << m, d = SobolDirectionNumbers.MaxDimensions;
        var all = Draw(new ScrambledSobolPoints(d, seed: 42, scramble: 3), n);
        var seen = new bool[n];
        for (int j = 0; j < d; j++)
        {
            Array.Clear(seen);
            for (int i = 0; i < n; i++)
            {
                double u = all[i * d + j];
                Assert.That(u, Is.GreaterThan(0.0).And.LessThan(1.0));
                int cell = (int)(u * n);
                if (seen[cell]) Assert.Fail($"dimension {j + 1}: two of the first {n} points share [{cell}/{n}, {cell + 1}/{n})");
                seen[cell] = true;
            }
        }
    }

    [TestCase(32, 11)]
    [TestCase(11, 11)]
    [TestCase(16, 10)]
    public void SpotCheckedDimensionsAreNetsAtEveryPrecision(int precisionBits, int m)
    {
        int n = 1 << m, d = SobolDirectionNumbers.MaxDimensions;
        var points = new ScrambledSobolPoints(d, seed: 7, scramble: 11, precisionBits);
        var u = new double[d];
        int[] dims = [0, 1, 2, 219, 9999, 15000, 21199, 21200];
        var seen = new bool[dims.Length, n];
        for (int i = 0; i < n; i++)
        {
            points.Next(u);
            for (int c = 0; c < dims.Length; c++)
            {
                int cell = (int)(u[dims[c]] * n);
                Assert.That(seen[c, cell], Is.False, $"dimension {dims[c] + 1}, point {i}");
                seen[c, cell] = true;
            }
        }
    }

    /// <summary>The smallest t for which the pair (a, b) of the first 2^m points is a (t, m, 2)-net.</summary>
    internal static int TValue(double[] all, int d, int n, int m, int a, int b)
    {
        for (int t = 0; t <= m; t++)
        {
            bool net = true;
            for (int left = 0; left <= m - t && net; left++)
            {
                int right = m - t - left;
                var counts = new int[1 << (m - t)];
                for (int i = 0; i < n; i++)
                {
                    int x = (int)(all[i * d + a] * (1 << left)), y = (int)(all[i * d + b] * (1 << right));
                    counts[(x << right) | y]++;
                }
                net = counts.All(c => c == 1 << t);
            }
            if (net) return t;
        }
        return m;
    }

    [Test]
    public void TheFirstTwoDimensionsAreAZeroMTwoNet()
    {
        const int m = 10, n = 1 << m;
        foreach (var (seed, scramble) in new[] { (1UL, 0L), (2UL, 5L), (ulong.MaxValue, 123456789L) })
        {
            var all = Draw(new ScrambledSobolPoints(2, seed, scramble), n);
            Assert.That(TValue(all, 2, n, m, 0, 1), Is.Zero, $"seed {seed}, scramble {scramble}");
        }
        Assert.That(TValue(Draw(ScrambledSobolPoints.Unscrambled(2), n), 2, n, m, 0, 1), Is.Zero);
    }

    [Test]
    public void AHighPairKeepsTheTValueOfItsUnscrambledPoints()
    {
        const int m = 10, n = 1 << m, d = SobolDirectionNumbers.MaxDimensions;
        var plain = Draw(ScrambledSobolPoints.Unscrambled(d), n);
        var scrambled = Draw(new ScrambledSobolPoints(d, seed: 99, scramble: 1, precisionBits: 14), n);
        var random = new Random(2026);
        for (int trial = 0; trial < 3; trial++)
        {
            int a = random.Next(100, d), b = random.Next(100, d);
            if (a == b) continue;
            int t = TValue(plain, d, n, m, a, b);
            Assert.That(t, Is.LessThan(m), "a pair of Sobol dimensions is a (t, m, 2)-net for some t < m");
            Assert.That(TValue(scrambled, d, n, m, a, b), Is.EqualTo(t), $"dimensions {a + 1}, {b + 1}");
        }
    }
}

using PowerTheory.MonteCarlo.Sampling;

namespace PowerTheory.Tests.MonteCarlo.Sampling;

/// <summary>
/// <see cref="ScrambledSobolPoints"/>: unbiasedness over independent scrambles, determinism in (seed, scramble),
/// Seek against sequential drawing, and argument checks.
/// </summary>
public class ScrambledSobolPointsTests
{
    /// <summary>Sobol's g-function Π (|4u − 2| + c_j)/(1 + c_j): integral exactly 1 over the unit cube.</summary>
    private static double G(ReadOnlySpan<double> u)
    {
        double g = 1;
        for (int j = 0; j < u.Length; j++) g *= (Math.Abs(4 * u[j] - 2) + j) / (1.0 + j);
        return g;
    }

    [Test]
    public void TheMeanOverIndependentScramblesIsUnbiased()
    {
        const int scrambles = 400, n = 64, d = 6;
        var estimates = new double[scrambles];
        var u = new double[d];
        for (int r = 0; r < scrambles; r++)
        {
            var points = new ScrambledSobolPoints(d, seed: 2026, scramble: r);
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                points.Next(u);
                sum += G(u);
            }
            estimates[r] = sum / n;
        }
        double mean = estimates.Average();
        double se = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (scrambles - 1) / scrambles);
        Assert.That(se, Is.GreaterThan(0));
        Assert.That(mean, Is.EqualTo(1.0).Within(4 * se), $"mean {mean}, standard error {se}");
    }

    [Test]
    public void OnePointPerScrambleIsUniformInHighDimensions()
    {
        // Each scrambled point is uniform on the cube: the first point (the scrambled origin) of many scrambles has
        // coordinates of mean ½ and variance 1/12 in every dimension, including high ones.
        const int scrambles = 2000, d = 21201;
        int[] dims = [0, 1, 500, 21200];
        var sums = new double[dims.Length];
        var squares = new double[dims.Length];
        var u = new double[d];
        for (int r = 0; r < scrambles; r++)
        {
            new ScrambledSobolPoints(d, seed: 5, scramble: r, precisionBits: 8).Next(u);
            for (int c = 0; c < dims.Length; c++)
            {
                sums[c] += u[dims[c]];
                squares[c] += u[dims[c]] * u[dims[c]];
            }
        }
        double se = Math.Sqrt(1.0 / 12 / scrambles);
        for (int c = 0; c < dims.Length; c++)
        {
            Assert.That(sums[c] / scrambles, Is.EqualTo(0.5).Within(4 * se), $"mean of dimension {dims[c] + 1}");
            Assert.That(squares[c] / scrambles, Is.EqualTo(1.0 / 3).Within(0.02), $"second moment of dimension {dims[c] + 1}");
        }
    }

    [Test]
    public void TheSameSeedAndScrambleGiveTheSamePointsAndOthersDiffer()
    {
        const int d = 50, n = 32;
        double[] Points(ulong seed, long scramble) => ScrambledSobolNetTests.Draw(new ScrambledSobolPoints(d, seed, scramble), n);
        var reference = Points(17, 4);
        Assert.That(Points(17, 4), Is.EqualTo(reference));
        foreach (var other in new[] { Points(17, 5), Points(18, 4), Points(0, 0) })
        {
            int same = reference.Zip(other).Count(p => p.First == p.Second);
            Assert.That(same, Is.Zero, "independent scrambles share no coordinate");
        }
        // A lower precision changes only the hashed tail, so the cells of the leading bits stay put.
        var coarse = ScrambledSobolNetTests.Draw(new ScrambledSobolPoints(d, 17, 4, precisionBits: 12), n);
        Assert.That(coarse.Select(x => (int)(x * 4096)), Is.EqualTo(reference.Select(x => (int)(x * 4096))));
        Assert.That(coarse, Is.Not.EqualTo(reference));
    }

    [Test]
    public void SeekThenNextEqualsDrawingFromTheStart()
    {
        const int d = 300, n = 2100;
        var sequential = ScrambledSobolNetTests.Draw(new ScrambledSobolPoints(d, 3, 9, precisionBits: 20), n);
        var points = new ScrambledSobolPoints(d, 3, 9, precisionBits: 20);
        var u = new double[d];
        foreach (int index in new[] { 2047, 0, 1, 1000, 1023, 1024, 2048, 5 })
        {
            points.Seek(index);
            Assert.That(points.Index, Is.EqualTo(index));
            for (int i = index; i < Math.Min(index + 3, n); i++)
            {
                points.Next(u);
                Assert.That(u, Is.EqualTo(sequential.AsSpan(i * d, d).ToArray()), $"point {i} after Seek({index})");
            }
        }
    }

    [Test]
    public void TheLastPointsOfAScrambleAreReachable()
    {
        var points = ScrambledSobolPoints.Unscrambled(3);
        var u = new double[3];
        points.Seek(ScrambledSobolPoints.MaxPoints - 1);
        points.Next(u);
        Assert.That(u[0], Is.EqualTo(0.5 / (1L << 31)), "point 2³² − 1 is v_32 (Gray code 2³¹)");
        Assert.Throws<InvalidOperationException>(() => points.Next(u));
    }

    [Test]
    public void ArgumentsOutOfRangeAreRefused()
    {
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => new ScrambledSobolPoints(21202, 1, 0))!;
        Assert.That(tooMany.Message, Does.Contain("21202").And.Contain("21201"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScrambledSobolPoints(0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScrambledSobolPoints(-3, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolDirectionNumbers.Directions(21202));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScrambledSobolPoints(2, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScrambledSobolPoints(2, 1, 0, precisionBits: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScrambledSobolPoints(2, 1, 0, precisionBits: 33));
        var points = new ScrambledSobolPoints(4, 1, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => points.Seek(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => points.Seek(ScrambledSobolPoints.MaxPoints));
        Assert.Throws<ArgumentException>(() => points.Next(new double[3]));
        Assert.DoesNotThrow(() => new ScrambledSobolPoints(21201, 1, 0));
    }
}

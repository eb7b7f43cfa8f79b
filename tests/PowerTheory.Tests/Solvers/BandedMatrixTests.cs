using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary><see cref="BandedMatrix"/>'s factorisation (two pivots at a time, or one for narrow bands) and solve against
/// dense Gaussian elimination with partial pivoting (<see cref="DenseOracle"/>) on random row-diagonally-dominant band
/// matrices of every small shape: even and odd sizes, asymmetric and zero bandwidths, entries of both signs and zeros.</summary>
public class BandedMatrixTests
{
    [Test]
    public void SolvesAgreeWithDenseEliminationForEveryShape()
    {
        const int seed = 4242;
        var random = new Random(seed);
        foreach (int n in new[] { 1, 2, 3, 4, 7, 50, 51 })
            foreach (int lower in new[] { 0, 1, 2, 3, 9 })
                foreach (int upper in new[] { 0, 1, 2, 5, 9 })
                {
                    int lo = Math.Min(lower, Math.Max(0, n - 1)), up = Math.Min(upper, Math.Max(0, n - 1));
                    var band = new BandedMatrix(n, lo, up);
                    var dense = new double[n, n];
                    for (int i = 0; i < n; i++)
                    {
                        double offDiagonal = 0;
                        for (int j = Math.Max(0, i - lo); j <= Math.Min(n - 1, i + up); j++)
                        {
                            if (j == i || random.NextDouble() < 0.2) continue; // some zeros inside the band
                            double x = 2 * random.NextDouble() - 1;
                            dense[i, j] = x;
                            band.Add(i, j, x);
                            offDiagonal += Math.Abs(x);
                        }
                        double diagonal = (offDiagonal + 0.1 + random.NextDouble()) * (random.NextDouble() < 0.5 ? 1 : -1);
                        dense[i, i] = diagonal;
                        band.Add(i, i, diagonal);
                    }
                    var b = Enumerable.Range(0, n).Select(_ => 10 * random.NextDouble() - 5).ToArray();
                    var expected = DenseOracle.Solve(dense, b);
                    band.Factor();
                    var x2 = (double[])b.Clone();
                    band.Solve(x2);
                    for (int i = 0; i < n; i++)
                        Assert.That(x2[i], Is.EqualTo(expected[i]).Within(1e-11 * (1 + Math.Abs(expected[i]))),
                            $"n = {n}, lower = {lo}, upper = {up}, x[{i}] (seed {seed})");
                }
    }
}

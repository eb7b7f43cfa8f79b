using MathNet.Numerics.LinearAlgebra;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary><see cref="Permutation"/> against the permutation matrix P_φ built entry by entry from its definition
/// ((P_φ)_{ij} = 1 iff i = φ(j)) and multiplied by MathNet.</summary>
public class PermutationTests
{
    private static Matrix<double> MatrixOf(Permutation phi) =>
        Matrix<double>.Build.Dense(phi.Size, phi.Size, (i, j) => i == phi[j] ? 1.0 : 0.0);

    private static Permutation RandomPermutation(Random random, int size)
    {
        var image = Enumerable.Range(0, size).ToArray();
        random.Shuffle(image);
        return Permutation.FromImage(image);
    }

    [Test]
    public void ApplyIsMultiplicationByThePermutationMatrix()
    {
        const int seed = 20261125;
        var random = new Random(seed);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 9);
            var phi = RandomPermutation(random, n);
            var x = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var expected = MatrixOf(phi) * Vector<double>.Build.DenseOfArray(x);
            Assert.That(phi.Apply(x), Is.EqualTo(expected.ToArray()), $"seed {seed}, trial {trial}, φ = {phi}");
            Assert.That(phi.Apply<double>(x), Is.EqualTo(expected.ToArray()));
            Assert.That(MatrixOf(phi.Inverse()), Is.EqualTo(MatrixOf(phi).Transpose()), $"seed {seed}, trial {trial}");
            var psi = RandomPermutation(random, n);
            Assert.That(MatrixOf(phi.Then(psi)), Is.EqualTo(MatrixOf(psi) * MatrixOf(phi)), $"seed {seed}, trial {trial}");
            bool involution = (MatrixOf(phi) * MatrixOf(phi)).Equals(Matrix<double>.Build.DenseIdentity(n));
            Assert.That(phi.IsInvolution, Is.EqualTo(involution), $"seed {seed}, trial {trial}, φ = {phi}");
        }
    }

    [Test]
    public void InvolutionsRoundTripThroughTheirTranspositions()
    {
        var phi = Permutation.FromTranspositions(6, [(0, 3), (4, 2)]);
        Assert.That(phi.IsInvolution, Is.True);
        Assert.That(phi.Transpositions, Is.EqualTo(new[] { (0, 3), (2, 4) }));
        Assert.That(phi.ToString(), Is.EqualTo("(0 3)(2 4)"));
        Assert.That(phi.Support, Is.EqualTo(new[] { 0, 2, 3, 4 }));
        Assert.That(Permutation.FromTranspositions(6, phi.Transpositions), Is.EqualTo(phi));
        Assert.That(phi.Then(phi).IsIdentity, Is.True);
        Assert.That(Permutation.Identity(3).ToString(), Is.EqualTo("()"));
    }

    [Test]
    public void BadInputIsRefusedWithTheOffendingIndex()
    {
        Assert.That(() => Permutation.FromImage([0, 0, 1]),
            Throws.ArgumentException.With.Message.Contains("image[1] = 0 repeats"));
        Assert.That(() => Permutation.FromImage([0, 3]), Throws.ArgumentException.With.Message.Contains("image[1] = 3 is outside 0..1"));
        Assert.That(() => Permutation.FromTranspositions(4, [(0, 1), (1, 2)]),
            Throws.ArgumentException.With.Message.Contains("shares index 1"));
        Assert.That(() => Permutation.FromTranspositions(4, [(2, 2)]), Throws.ArgumentException.With.Message.Contains("itself"));
        var cycle = Permutation.FromImage([1, 2, 0]);
        Assert.That(cycle.IsInvolution, Is.False);
        Assert.That(() => cycle.Transpositions, Throws.InvalidOperationException.With.Message.Contains("(0 1 2) is not an involution"));
        Assert.That(() => cycle.Apply(new double[2]), Throws.ArgumentException.With.Message.Contains("length 2"));
    }
}

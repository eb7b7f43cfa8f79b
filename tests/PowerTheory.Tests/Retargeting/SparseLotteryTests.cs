using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Retargeting;

/// <summary>Outcome lotteries are stored sparsely; they must behave exactly as the dense vectors they stand for:
/// equality, hashing and xᵀu against a dense sum computed here (the oracle), and a long basis set in small memory.</summary>
public class SparseLotteryTests
{
    [Test]
    public void ABasisLotteryEqualsTheDenseVectorItStandsFor()
    {
        var dense = new double[7];
        dense[3] = 1;
        var fromVector = new OutcomeLottery(dense);
        var basis = OutcomeLottery.Basis(7, 3);
        Assert.That(basis, Is.EqualTo(fromVector));
        Assert.That(basis.GetHashCode(), Is.EqualTo(fromVector.GetHashCode()));
        Assert.That(basis.Vector, Is.EqualTo(dense));
        Assert.That(basis.IsBasis && fromVector.IsBasis, Is.True);
        Assert.That(OutcomeLottery.Basis(7, 4), Is.Not.EqualTo(basis));
        Assert.That(OutcomeLottery.Basis(8, 3), Is.Not.EqualTo(basis), "another dimension");
    }

    [Test]
    public void NegativeZeroEntriesEqualPositiveZeroOnes()
    {
        var a = new OutcomeLottery([0.5, -0.0, 0.5]);
        var b = new OutcomeLottery([0.5, 0.0, 0.5]);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a.IsBasis, Is.False);
    }

    [Test]
    public void ExpectedUtilityIsTheDenseSum()
    {
        var random = new Random(20261207); // fixed seed
        for (int trial = 0; trial < 200; trial++)
        {
            int d = random.Next(1, 40);
            var x = Enumerable.Range(0, d).Select(_ => random.NextDouble() < 0.6 ? 0.0 : random.NextDouble() * 4 - 2).ToArray();
            var u = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 10 - 5).ToArray();
            double expected = 0;
            for (int i = 0; i < d; i++) expected += x[i] * u[i];
            Assert.That(new OutcomeLottery(x).ExpectedUtility(u), Is.EqualTo(expected), $"trial {trial} (seed 20261207)");
        }
    }

    [Test]
    public void TheBasisOfALongThetaIsSmall()
    {
        long before = GC.GetTotalMemory(true);
        var set = LotterySet.OfBasis(50_000, Enumerable.Range(0, 50_000));
        long used = GC.GetTotalMemory(true) - before;
        Assert.That(set.Count, Is.EqualTo(50_000));
        // Dense vectors would take 8·50,000² = 20 GB; sparse ones well under 50 MB.
        Assert.That(used, Is.LessThan(50L << 20));
        GC.KeepAlive(set);
    }
}

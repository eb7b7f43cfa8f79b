using MathNet.Numerics.Random;
using PowerTheory.Environments;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Rewards;

/// <summary>Sampling behaviour of the reward distributions: supports, ties, discrete frequencies, user samplers.</summary>
public class RewardDistributionTests
{
    [Test]
    public void TiedStatesShareOneDrawAndOverridesUseTheirLaw()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var dist = RewardSpecParser.Parse("uniform(0,1); s0=uniform(-1,0); tie(t1,t2)", mdp);
        var rng = new Xoshiro256StarStar(5, false);
        var r = new double[4];
        for (int i = 0; i < 1000; i++)
        {
            dist.Sample(rng, r);
            Assert.That(r[0], Is.InRange(-1.0, 0.0));
            Assert.That(r[2], Is.EqualTo(r[1]));
            Assert.That(r[3], Is.InRange(0.0, 1.0));
        }
    }

    [Test]
    public void DiscreteFrequenciesMatchTheirProbabilities()
    {
        var law = ScalarDistribution.Discrete(new[] { -1.0, 0.0, 2.0 }, new[] { 0.2, 0.5, 0.3 });
        var rng = new Xoshiro256StarStar(11, false);
        const int n = 40_000;
        var counts = new Dictionary<double, int> { [-1.0] = 0, [0.0] = 0, [2.0] = 0 };
        for (int i = 0; i < n; i++) counts[law.Sample(rng)]++;
        foreach (var (value, p) in new[] { (-1.0, 0.2), (0.0, 0.5), (2.0, 0.3) })
        {
            double se = Math.Sqrt(p * (1 - p) / n);
            Assert.That((double)counts[value] / n, Is.EqualTo(p).Within(4 * se), $"value {value}");
        }
        Assert.That(law.Mean, Is.EqualTo(0.4).Within(1e-15));
    }

    [TestCase("uniform(2,4)", 3.0)]
    [TestCase("beta(2,5)", 2.0 / 7)]
    [TestCase("triangular(0,3,0)", 1.0)]
    public void SampleMeansMatchTheLawMean(string spec, double mean)
    {
        var law = RewardSpecParser.ParseLaw(spec);
        Assert.That(law.Mean, Is.EqualTo(mean).Within(1e-12));
        var rng = new Xoshiro256StarStar(3, false);
        const int n = 20_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = law.Sample(rng);
            Assert.That(x, Is.InRange(law.Lower, law.Upper));
            sum += x;
            sq += x * x;
        }
        double m = sum / n;
        double se = Math.Sqrt((sq / n - m * m) / n);
        Assert.That(m, Is.EqualTo(mean).Within(4 * se));
    }

    [Test]
    public void UserSamplerOutsideItsDeclaredBoundsThrowsNamingTheState()
    {
        var dist = RewardDistribution.FromSampler(2, (rng, r) => { r[0] = 0.5; r[1] = 7; }, 0, 1, "broken");
        var e = Assert.Throws<InvalidOperationException>(() => dist.Sample(new Random(1), new double[2]));
        Assert.That(e!.Message, Does.Contain("state 1").And.Contain("broken"));
        var unbounded = RewardDistribution.FromSampler(2, (rng, r) => { }, double.NegativeInfinity, 1);
        Assert.That(unbounded.IsBounded, Is.False);
    }

    [Test]
    public void InvalidLawParametersAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalarDistribution.Uniform(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalarDistribution.Bernoulli(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalarDistribution.Beta(0, 1));
        Assert.Throws<ArgumentException>(() => ScalarDistribution.Discrete(new[] { 1.0 }, new[] { 0.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScalarDistribution.Point(double.NaN));
    }
}

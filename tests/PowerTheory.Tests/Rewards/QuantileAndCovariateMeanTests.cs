using NUnit.Framework;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Rewards;

/// <summary>The laws' quantile and distribution functions, and the exact mean of a weighted maximum of independent
/// draws (the control covariate's mean), against closed forms and brute-force sampling.</summary>
public class QuantileAndCovariateMeanTests
{
    private static readonly ScalarDistribution[] Continuous =
    [
        ScalarDistribution.Uniform(-1, 3), ScalarDistribution.Beta(2, 5), ScalarDistribution.Triangular(0, 2, 0.5),
        ScalarDistribution.Normal(1, 2), ScalarDistribution.Exponential(3),
    ];

    [Test]
    public void QuantileInvertsTheDistributionFunction()
    {
        foreach (var law in Continuous)
            foreach (double u in new[] { 1e-6, 0.1, 0.37, 0.5, 0.9, 1 - 1e-6 })
                Assert.That(law.Cdf(law.Quantile(u)), Is.EqualTo(u).Within(1e-8), $"{law.Spec} at u = {u}");
    }

    [Test]
    public void DiscreteQuantileIsTheSmallestValueReachingU()
    {
        var law = ScalarDistribution.Discrete([0.0, 1.0, 5.0], [0.2, 0.5, 0.3]);
        Assert.That(law.Quantile(0.1), Is.EqualTo(0.0));
        Assert.That(law.Quantile(0.2), Is.EqualTo(0.0));
        Assert.That(law.Quantile(0.21), Is.EqualTo(1.0));
        Assert.That(law.Quantile(0.71), Is.EqualTo(5.0));
        Assert.That(law.Cdf(1.0), Is.EqualTo(0.7).Within(1e-15));
        Assert.That(law.Cdf(-0.5), Is.EqualTo(0.0));
    }

    [Test]
    public void SymmetryFlags()
    {
        Assert.That(ScalarDistribution.Uniform(0, 1).IsSymmetric, Is.True);
        Assert.That(ScalarDistribution.Beta(2, 2).IsSymmetric, Is.True);
        Assert.That(ScalarDistribution.Beta(2, 5).IsSymmetric, Is.False);
        Assert.That(ScalarDistribution.Triangular(0, 2, 1).IsSymmetric, Is.True);
        Assert.That(ScalarDistribution.Bernoulli(0.5).IsSymmetric, Is.True);
        Assert.That(ScalarDistribution.Bernoulli(0.3).IsSymmetric, Is.False);
        Assert.That(ScalarDistribution.Discrete([0.0, 1.0, 2.0], [0.25, 0.5, 0.25]).IsSymmetric, Is.True);
    }

    [Test]
    public void MaximumOfIidUniformsIsNOverNPlusOne()
    {
        var u = ScalarDistribution.Uniform();
        foreach (int n in new[] { 1, 2, 7, 50 })
            Assert.That(WeightedMaximumMean.Compute([new(u, 1, n)], 0), Is.EqualTo(n / (n + 1.0)).Within(1e-11));
    }

    [Test]
    public void TwoWeightedUniformsMatchTheClosedForm()
    {
        // E[max(a·U₁, b·U₂)], a ≥ b: a − b²/(3a) − (a² − b²)/(2a).
        double a = 1, b = 0.6;
        double exact = a - b * b / (3 * a) - (a * a - b * b) / (2 * a);
        var u = ScalarDistribution.Uniform();
        Assert.That(WeightedMaximumMean.Compute([new(u, a, 1), new(u, b, 1)], 0), Is.EqualTo(exact).Within(1e-12));
    }

    [Test]
    public void MaximumOfBernoullisIsOneMinusAllZero()
    {
        var law = ScalarDistribution.Bernoulli(0.3);
        Assert.That(WeightedMaximumMean.Compute([new(law, 1, 4)], 0), Is.EqualTo(1 - Math.Pow(0.7, 4)).Within(1e-14));
        // Weights 1 and 0.5: max is 1 if the first is 1, else 0.5 if the second is, else 0.
        double exact = 0.3 + 0.7 * 0.3 * 0.5;
        Assert.That(WeightedMaximumMean.Compute([new(law, 1, 1), new(law, 0.5, 1)], 0), Is.EqualTo(exact).Within(1e-14));
    }

    [Test]
    public void MixedLawsAgreeWithSamplingWithinFourStandardErrors()
    {
        const int seed = 20261207;
        var random = new Random(seed);
        var terms = new WeightedMaximumMean.Term[]
        {
            new(ScalarDistribution.Beta(2, 5), 1, 3), new(ScalarDistribution.Triangular(-1, 1, 0.2), 0.9, 5),
            new(ScalarDistribution.Uniform(-0.5, 0.5), 0.5, 20), new(ScalarDistribution.Discrete([-1.0, 0.5], [0.6, 0.4]), 0.8, 2),
        };
        double shift = -1, sum = 0, sq = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double m = 0;
            foreach (var t in terms)
                for (int k = 0; k < t.Count; k++) m = Math.Max(m, t.Weight * (t.Law.Sample(random) - shift));
            sum += m;
            sq += m * m;
        }
        double mean = sum / n, se = Math.Sqrt((sq / n - mean * mean) / (n - 1));
        Assert.That(WeightedMaximumMean.Compute(terms, shift), Is.EqualTo(mean).Within(4 * se), $"seed {seed}");
    }
}

using NUnit.Framework;
using PowerTheory.Environments;
using PowerTheory.MonteCarlo;
using PowerTheory.Power;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Power;

/// <summary>What the estimators promise besides coverage: bit-identical figures for any thread count, target runs that
/// are fixed runs of their final size, visible fallbacks, and argument checks.</summary>
public class EstimatorBehaviourTests
{
    private static PowerResult Run(PowerOptions o, RewardDistribution? law = null) =>
        new PowerEstimator(Gridworld.Open(4, 4), law).Estimate([0, 0.9, 1], o);

    private static void AssertIdentical(PowerResult a, PowerResult b)
    {
        Assert.That(b.Samples, Is.EqualTo(a.Samples));
        for (int g = 0; g < a.ByGamma.Count; g++)
        {
            for (int s = 0; s < a.ByGamma[g].States.Count; s++)
            {
                var x = a.ByGamma[g].States[s].Power;
                var y = b.ByGamma[g].States[s].Power;
                Assert.That(BitConverter.DoubleToInt64Bits(y.Mean), Is.EqualTo(BitConverter.DoubleToInt64Bits(x.Mean)), $"γ#{g} state {s}");
                Assert.That(BitConverter.DoubleToInt64Bits(y.StandardError), Is.EqualTo(BitConverter.DoubleToInt64Bits(x.StandardError)), $"γ#{g} state {s}");
            }
            for (int sa = 0; sa < a.ByGamma[g].Actions.Count; sa++)
                Assert.That(b.ByGamma[g].Actions[sa].Probability, Is.EqualTo(a.ByGamma[g].Actions[sa].Probability));
        }
    }

    [TestCase(SamplingMethod.Independent, true)]
    [TestCase(SamplingMethod.ScrambledSobol, false)]
    [TestCase(SamplingMethod.ScrambledSobol, true)]
    public void FiguresAreBitIdenticalForAnyThreadCount(SamplingMethod sampler, bool covariates)
    {
        PowerOptions O(int threads) => new() { Samples = 4096, Seed = 7, Sampler = sampler, ControlVariates = covariates, Threads = threads };
        var one = Run(O(1));
        AssertIdentical(one, Run(O(2)));
        AssertIdentical(one, Run(O(5)));
    }

    [Test]
    public void ATargetRunIsTheFixedRunOfItsFinalSizeForAnyThreadCount()
    {
        PowerOptions O(int threads) => new() { Samples = 100_000, Seed = 3, TargetStandardError = 0.002, Threads = threads };
        var target = Run(O(1));
        Assert.That(target.Accuracy!.Met, Is.True);
        Assert.That(target.Estimator.Name, Is.EqualTo("scrambled-sobol+control-variates"));
        AssertIdentical(target, Run(O(3)));
        var fixedRun = Run(new PowerOptions
        {
            Samples = target.Samples, Seed = 3, BlockSize = target.Estimator.PointsPerReplicate,
            Sampler = SamplingMethod.ScrambledSobol, ControlVariates = true, Threads = 2,
        });
        AssertIdentical(target, fixedRun);
    }

    [Test]
    public void ACapBelowTheNeedIsReportedAsNotMet()
    {
        var r = Run(new PowerOptions { Samples = 2048, Seed = 1, TargetStandardError = 1e-6, Sampler = SamplingMethod.Independent });
        Assert.That(r.Accuracy!.Met, Is.False);
        Assert.That(r.Samples, Is.EqualTo(2048));
        Assert.That(r.Accuracy.WorstStandardError, Is.GreaterThan(1e-6));
        Assert.That(r.Accuracy.WorstQuantity, Does.StartWith("POWER("));
    }

    [Test]
    public void TheSobolSamplerFallsBackVisiblyForAUserSampler()
    {
        var user = RewardDistribution.FromSampler(16, (rng, r) => { for (int i = 0; i < r.Length; i++) r[i] = rng.NextDouble(); }, 0, 1, "user");
        var r = Run(new PowerOptions { Samples = 1024, Seed = 1, Sampler = SamplingMethod.ScrambledSobol, ControlVariates = true }, user);
        Assert.That(r.Estimator.Sampler, Is.EqualTo(SamplingMethod.Independent));
        Assert.That(r.Estimator.Covariates, Is.Empty);
        Assert.That(r.Degradations.Keys, Has.Some.Contains("Sobol sampler needs a quantile function"));
        Assert.That(r.Degradations.Keys, Has.Some.Contains("control variates were not used"));
    }

    [Test]
    public void TheVarianceReductionIsReportedAndLarge()
    {
        var r = Run(new PowerOptions { Samples = 16_384, Seed = 2, Sampler = SamplingMethod.ScrambledSobol, ControlVariates = true });
        var at = r.At(0.9);
        Assert.That(at.MedianVarianceReduction, Is.GreaterThan(3), "Sobol + covariates on a 4×4 grid");
        Assert.That(Run(new PowerOptions { Samples = 1000, Seed = 2 }).At(0.9).MedianVarianceReduction, Is.Null);
    }

    [Test]
    public void BadEstimatorOptionsAreRefusedByName()
    {
        Assert.That(() => Run(new PowerOptions { TargetStandardError = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("TargetStandardError"));
        Assert.That(() => Run(new PowerOptions { TargetStandardError = 0.01, TargetCi95HalfWidth = 0.01 }), Throws.ArgumentException.With.Message.Contains("not both"));
        Assert.That(() => Run(new PowerOptions { Samples = 100, Sampler = SamplingMethod.ScrambledSobol, BlockSize = 64 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("at least 16 scrambles"));
        Assert.That(() => Run(new PowerOptions { Samples = 4096, Sampler = SamplingMethod.ScrambledSobol, BlockSize = 48 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("power of two"));
    }
}

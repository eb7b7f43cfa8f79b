using System.Text.RegularExpressions;
using PowerTheory.Budgets;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.IO.Json;

namespace PowerTheory.Tests.Budgets;

/// <summary>The wall-time limit of the Monte Carlo runs (<see cref="PowerOptions.TimeLimit"/>,
/// <see cref="TendencyOptions.TimeLimit"/>): a stopped run says so, its figures are exactly those of a complete run of the
/// samples it reports (the oracle: that second, unlimited run), and a single long solve stops part way instead of running
/// past the limit.</summary>
public class TimeLimitTests
{
    // The fields only a stopped run writes; the rest of its JSON must equal the complete run's.
    private static string WithoutStop(string json) => Regex.Replace(json, "\"samplesRequested\":\\d+,\"stop\":\"time-budget\",", "");

    [Test]
    public void AStoppedPowerRunIsACompleteRunOfTheSamplesItReports()
    {
        var mdp = BuiltInEnvironments.Create("map20");
        var limited = new PowerEstimator(mdp).Estimate([0.9, 0.0],
            new PowerOptions { Samples = 100_000_000, Seed = 11, Threads = 2, TimeLimit = TimeSpan.FromSeconds(0.5) });
        Assert.That(limited.StoppedAtTimeLimit, Is.True, "10⁸ samples of map20 cannot finish in 0.5 s");
        Assert.That(limited.SamplesRequested, Is.EqualTo(100_000_000));
        Assert.That(limited.Samples, Is.GreaterThanOrEqualTo(2).And.LessThan(100_000_000));
        Assert.That(limited.Samples % limited.BlockSize, Is.Zero, "whole blocks only");
        var complete = new PowerEstimator(mdp).Estimate([0.9, 0.0],
            new PowerOptions { Samples = limited.Samples, BlockSize = limited.BlockSize, Seed = 11, Threads = 1 });
        Assert.That(complete.StoppedAtTimeLimit, Is.False);
        string a = PowerResultJson.ToJson(limited), b = PowerResultJson.ToJson(complete);
        Assert.That(a, Does.Contain("\"stop\":\"time-budget\""));
        Assert.That(WithoutStop(a), Is.EqualTo(b));
    }

    [Test]
    public void AStoppedTendencyRunIsACompleteRunOfTheSamplesItReports()
    {
        var mdp = BuiltInEnvironments.Create("optsp-fig1");
        int star = mdp.StateIndex("star");
        var makers = new[] { DecisionMaker.Optimal, DecisionMaker.Random };
        var limited = new TendencyEstimator(mdp).Estimate(makers, 0.9, star,
            new TendencyOptions { Samples = 100_000_000, Seed = 3, Threads = 2, CertificateBudget = null, TimeLimit = TimeSpan.FromSeconds(0.4) });
        Assert.That(limited.StoppedAtTimeLimit, Is.True);
        int block = PowerOptions.AutomaticBlockSize(100_000_000);
        Assert.That(limited.Samples % block, Is.Zero);
        var complete = new TendencyEstimator(mdp).Estimate(makers, 0.9, star,
            new TendencyOptions { Samples = limited.Samples, BlockSize = block, Seed = 3, Threads = 1, CertificateBudget = null });
        Assert.That(WithoutStop(TendenciesJson.ToJson(limited)), Is.EqualTo(TendenciesJson.ToJson(complete)));
    }

    [Test]
    public void KeptSamplesOfAStoppedRunAreTheSamplesItUsed()
    {
        var mdp = BuiltInEnvironments.Create("maze7");
        var limited = new PowerEstimator(mdp).Estimate([0.9],
            new PowerOptions { Samples = 500_000, Seed = 5, Threads = 2, KeepSamples = true, TimeLimit = TimeSpan.FromSeconds(0.3) });
        Assume.That(limited.StoppedAtTimeLimit, Is.True);
        var values = limited.SampleValues(0);
        Assert.That(values.Length, Is.EqualTo(limited.Samples * mdp.StateCount));
        // Oracle: the mean of the kept values of each state is that state's POWER estimate.
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double sum = 0;
            for (int i = 0; i < limited.Samples; i++) sum += values[i * mdp.StateCount + s];
            Assert.That(sum / limited.Samples, Is.EqualTo(limited.ByGamma[0].Power(s).Mean).Within(1e-12), mdp.StateNames[s]);
        }
    }

    [Test]
    public void ALongSolveStopsPartWay()
    {
        // One γ = 1 sample of a 10⁵-cell stochastic chain takes about 3 s (docs/performance.md, "Scale of the exact
        // γ = 1 limit"). Four samples are four blocks of one, all in the first wave: if the solver did not see the limit,
        // they would all finish and the run would report them; it must instead stop inside the solves with none finished.
        var mdp = StochasticChain.Create(100_000);
        var e = Assert.Throws<TimeBudgetExceededException>(() => new PowerEstimator(mdp).Estimate(1.0,
            new PowerOptions { Samples = 4, Threads = 2, TimeLimit = TimeSpan.FromSeconds(0.3) }));
        Assert.That(e!.SamplesDone, Is.Zero);
        Assert.That(e.Message, Does.Contain("--seconds").And.Contain("0.3 s"));
    }

    [Test]
    public void ARunThatFinishesInTimeIsNotMarked()
    {
        var mdp = BuiltInEnvironments.Create("optsp-fig1");
        var timed = new PowerEstimator(mdp).Estimate([0.5], new PowerOptions { Samples = 500, Seed = 2, TimeLimit = TimeSpan.FromMinutes(5) });
        var plain = new PowerEstimator(mdp).Estimate([0.5], new PowerOptions { Samples = 500, Seed = 2 });
        Assert.That(timed.StoppedAtTimeLimit, Is.False);
        Assert.That(PowerResultJson.ToJson(timed), Is.EqualTo(PowerResultJson.ToJson(plain)));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    public void ANonPositiveLimitIsRefused(double seconds)
    {
        var mdp = BuiltInEnvironments.Create("optsp-fig1");
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerEstimator(mdp).Estimate(0.5,
            new PowerOptions { Samples = 10, TimeLimit = TimeSpan.FromSeconds(seconds) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TendencyEstimator(mdp).Estimate([DecisionMaker.Optimal], 0.5, 0,
            new TendencyOptions { Samples = 10, TimeLimit = TimeSpan.FromSeconds(seconds) }));
    }
}

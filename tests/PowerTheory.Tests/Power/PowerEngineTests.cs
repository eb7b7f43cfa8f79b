using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Rewards;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests.Power;

/// <summary>Engine properties: bit-for-bit reproducibility across thread counts, relabelling invariance, calibrated
/// standard errors, options and validation.</summary>
public class PowerEngineTests
{
    private static void AssertIdentical(PowerResult a, PowerResult b)
    {
        Assert.That(a.ByGamma, Has.Count.EqualTo(b.ByGamma.Count));
        for (int g = 0; g < a.ByGamma.Count; g++)
        {
            var x = a.ByGamma[g];
            var y = b.ByGamma[g];
            for (int s = 0; s < x.States.Count; s++)
                Assert.That(x.States[s].Power, Is.EqualTo(y.States[s].Power), $"γ={x.Gamma} state {s}: bit-identical");
            for (int k = 0; k < x.Actions.Count; k++)
                Assert.That(x.Actions[k].Probability, Is.EqualTo(y.Actions[k].Probability));
            for (int c = 0; c < x.Comparisons.Count; c++)
                Assert.That(x.Comparisons[c].Difference, Is.EqualTo(y.Comparisons[c].Difference));
        }
    }

    [Test]
    public void SameSeedGivesBitIdenticalResultsWithOneAndFourThreads()
    {
        foreach (var mdp in new[] { PaperMdps.OptspFigure1(), Gridworld.FromAscii(GridMaps.Maze7), Gridworld.FromAscii(GridMaps.Grid3, slip: 0.1) })
        {
            double[] gammas = mdp.IsDeterministic ? new[] { 0, 0.5, 0.99, 1 } : new[] { 0, 0.9, 1 };
            var est = new PowerEstimator(mdp);
            var comparisons = new[] { new PowerComparisonRequest(0, 0, mdp.ActionCount(0) - 1) };
            PowerResult Run(int threads, int blockSize = 64) => est.Estimate(gammas, new PowerOptions
            {
                Samples = 1000, Seed = 2024, Threads = threads, BlockSize = blockSize, Comparisons = comparisons,
            });
            var one = Run(1);
            AssertIdentical(one, Run(4));
            AssertIdentical(one, Run(3));
            var other = est.Estimate(gammas, new PowerOptions { Samples = 1000, Seed = 2025, Threads = 1, BlockSize = 64 });
            Assert.That(other.ByGamma[0].States[0].Power, Is.Not.EqualTo(one.ByGamma[0].States[0].Power), "another seed, other samples");
        }
    }

    [Test]
    public void TheAutomaticBlockSizeDependsOnTheSampleCountOnlyAndSplitsSmallRuns()
    {
        Assert.That(PowerOptions.AutomaticBlockSize(2), Is.EqualTo(1));
        Assert.That(PowerOptions.AutomaticBlockSize(40), Is.EqualTo(1));
        Assert.That(PowerOptions.AutomaticBlockSize(1000), Is.EqualTo(16));
        Assert.That(PowerOptions.AutomaticBlockSize(1_000_000), Is.EqualTo(256));
        // The boundary of the clamp, ⌈N/64⌉ = 256 first at N = 255·64 + 1, which docs/power.md states with the rule.
        Assert.That(PowerOptions.AutomaticBlockSize(16_320), Is.EqualTo(255));
        Assert.That(PowerOptions.AutomaticBlockSize(16_321), Is.EqualTo(256));
        string doc = File.ReadAllText(Path.Combine(Cli.CliReference.RepositoryRoot(), "docs", "power.md"));
        Assert.That(doc, Does.Contain("(default ⌈N/64⌉ clamped to [1, 256]").And.Contains("N = 16,321"));
        Assert.That(doc, Does.Not.Contain("samples (default 256)"));
        // 40 expensive samples form 40 blocks, so every core gets work; the figures do not depend on the threads, and
        // the certification (maxima and sums over workers) does not either.
        var mdp = Gridworld.FromAscii(GridMaps.Grid3, slip: 0.1);
        var est = new PowerEstimator(mdp);
        PowerResult Run(int threads) => est.Estimate(new[] { 0.9 }, new PowerOptions { Samples = 40, Seed = 11, Threads = threads });
        var one = Run(1);
        var two = Run(2);
        Assert.That(one.BlockSize, Is.EqualTo(1));
        AssertIdentical(one, two);
        Assert.That(two.ByGamma[0].Certification, Is.EqualTo(one.ByGamma[0].Certification));
        Assert.That(one.ByGamma[0].Certification.Solves, Is.EqualTo(40));
    }

    [Test]
    public void PowerIsInvariantUnderRelabellingTheStates()
    {
        // Property (CsCheck): for a random permutation φ, POWER of φ(s) in the relabelled MDP equals POWER of s, when the
        // relabelled run sees the same reward vectors carried along by φ.
        var mdp = PaperMdps.OptspFigure1();
        int n = mdp.StateCount;
        var baseline = new PowerEstimator(mdp).Estimate(new[] { 0.0, 0.7, 1.0 }, new PowerOptions { Samples = 300, Seed = 5, Threads = 1 });
        Gen.Int[0, int.MaxValue].SamplePinned(seed =>
        {
            var rng = new Random(seed);
            var phi = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
            var relabelled = mdp.RelabelStates(phi);
            var carried = RewardDistribution.FromSampler(n, (random, r) =>
            {
                Span<double> original = stackalloc double[n];
                RewardDistribution.UniformIid.Sample(random, original);
                for (int s = 0; s < n; s++) r[phi[s]] = original[s];
            }, 0, 1, "uniform(0,1) carried by φ");
            var result = new PowerEstimator(relabelled, carried)
                .Estimate(new[] { 0.0, 0.7, 1.0 }, new PowerOptions { Samples = 300, Seed = 5, Threads = 1 });
            for (int g = 0; g < 3; g++)
                for (int s = 0; s < n; s++)
                {
                    var p = baseline.ByGamma[g].Power(s);
                    var q = result.ByGamma[g].Power(phi[s]);
                    if (Math.Abs(p.Mean - q.Mean) > 1e-12 || Math.Abs(p.StandardError - q.StandardError) > 1e-12)
                        return false;
                    Assert.That(result.ByGamma[g].States[phi[s]].Name, Is.EqualTo(mdp.StateNames[s]));
                }
            return true;
        }, iter: 25);
    }

    [Test]
    public void StandardErrorsAreCalibrated()
    {
        // 200 independent runs of 100 samples each on the 2-option fork at γ = 0.5: the z-scores of POWER(s) against the
        // exact 2/3 should have mean ≈ 0 and standard deviation ≈ 1.
        var est = new PowerEstimator(PaperMdps.TerminalOptions(2));
        var z = new List<double>();
        var zProb = new List<double>();
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var at = est.Estimate(0.5, new PowerOptions { Samples = 100, Seed = seed, Threads = 1 });
            z.Add(at.Power("s").ZScore(2.0 / 3));
            zProb.Add(at.OptimalityProbability("s", "to_t1").ZScore(0.5));
        }
        foreach (var (name, zs) in new[] { ("POWER", z), ("optimality probability", zProb) })
        {
            double mean = zs.Average();
            double sd = Math.Sqrt(zs.Sum(x => (x - mean) * (x - mean)) / (zs.Count - 1));
            Assert.That(mean, Is.EqualTo(0).Within(4 / Math.Sqrt(zs.Count)), $"{name}: mean z");
            Assert.That(sd, Is.InRange(0.8, 1.2), $"{name}: spread of z");
        }
    }

    [Test]
    public void UnboundedLawsAreRefusedForPowerButAllowedForOptimalityProbabilities()
    {
        var mdp = PaperMdps.TerminalOptions(2);
        var est = new PowerEstimator(mdp, RewardSpecParser.Parse("normal(0,1)", mdp));
        var e = Assert.Throws<ArgumentException>(() => est.Estimate(0.5, new PowerOptions { Samples = 100 }));
        Assert.That(e!.Message, Does.Contain("bounded support").And.Contain("normal(0,1)"));
        var at = est.Estimate(0.5, new PowerOptions { Samples = 2000, OptimalityOnly = true });
        Assert.That(at.States, Is.Empty);
        Assert.That(Math.Abs(at.OptimalityProbability("s", "to_t1").ZScore(0.5)), Is.LessThan(4));
    }

    [Test]
    public void BadOptionsAreRefusedWithAClearMessage()
    {
        var est = new PowerEstimator(PaperMdps.OptspFigure1());
        Assert.That(() => est.Estimate(1.5), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("[0, 1]"));
        Assert.That(() => est.Estimate(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => est.Estimate(0.5, new PowerOptions { Samples = 1 }), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("Samples"));
        Assert.That(() => est.Estimate(0.5, new PowerOptions { Threads = 0 }), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("Threads"));
        Assert.That(() => est.Estimate(0.5, new PowerOptions { Comparisons = new[] { new PowerComparisonRequest(0, 0, 7) } }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contain("star"));
        Assert.That(() => new PowerEstimator(PaperMdps.OptspFigure1(), RewardSpecParser.Parse("s0=point(1)", PaperMdps.GambleOrSafe())),
            Throws.ArgumentException.With.Message.Contain("4 states"));
    }

    [Test]
    public void KeptSamplesAndProgressReports()
    {
        var mdp = PaperMdps.OptspFigure1();
        var reports = new List<MonteCarloProgress>();
        var progress = new SynchronousProgress(reports);
        var result = new PowerEstimator(mdp).Estimate(new[] { 0.9 }, new PowerOptions
        {
            Samples = 1000, BlockSize = 100, Threads = 2, KeepSamples = true, Progress = progress,
        });
        var samples = result.SampleValues(0);
        Assert.That(samples.Length, Is.EqualTo(1000 * mdp.StateCount));
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double sum = 0;
            for (int i = 0; i < 1000; i++) sum += samples[i * mdp.StateCount + s];
            Assert.That(sum / 1000, Is.EqualTo(result.ByGamma[0].Power(s).Mean).Within(1e-12));
        }
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports[^1], Is.EqualTo(new MonteCarloProgress(1000, 1000)));
        Assert.That(reports.Select(r => r.Completed), Is.Ordered);
        Assert.That(new PowerEstimator(mdp).Estimate(0.5, new PowerOptions { Samples = 10 }).Power(0).Samples, Is.EqualTo(10));
    }

    private sealed class SynchronousProgress(List<MonteCarloProgress> sink) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => sink.Add(value);
    }
}

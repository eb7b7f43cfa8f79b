using NUnit.Framework;
using PowerTheory.Environments;
using PowerTheory.MonteCarlo;
using PowerTheory.Power;

namespace PowerTheory.Tests.Power;

/// <summary>The estimators of docs/power.md ("Estimators") against exact values (the closed forms of docs/theory.md §4.1
/// on OPTSP Figure 1): over 200 seeds the 95% intervals of each estimator cover the exact POWER 93–97% of the time
/// (pooled over the states and discounts with a closed form); the target-accuracy rule stops with its target met in
/// every run and keeps its coverage.</summary>
public class EstimatorCoverageTests
{
    private const int Seeds = 200;
    private static readonly double[] Gammas = [0, 0.5, 0.9, 1];

    /// <summary>The exact POWER of Figure 1's states with a closed form (docs/theory.md §4.1), by γ.</summary>
    private static IEnumerable<(string State, double Exact)> Exact(double g)
    {
        double left = g == 0 ? 2.0 / 3 : g == 1 ? 7.0 / 12 : (4 + 3 * g) / (6 * (1 + g));
        yield return ("l_sw", left);
        yield return ("l", left);
        yield return ("r_se", 2.0 / 3);
        yield return ("r", 2.0 / 3);
        yield return ("empty", 0.5);
        if (g == 0) yield return ("star", 0.75);
        if (g == 1) yield return ("star", 517.0 / 640);
    }

    private static (int Covered, int Intervals) Coverage(Func<ulong, PowerOptions> options, Action<PowerResult, ulong>? check = null)
    {
        var mdp = PaperMdps.OptspFigure1();
        var estimator = new PowerEstimator(mdp);
        int covered = 0, intervals = 0;
        for (ulong seed = 1; seed <= Seeds; seed++)
        {
            var result = estimator.Estimate(Gammas, options(seed));
            check?.Invoke(result, seed);
            foreach (var at in result.ByGamma)
                foreach (var (state, exact) in Exact(at.Gamma))
                {
                    var p = at.Power(state);
                    if (p.StandardError < 1e-8)
                    {
                        // The covariates explain this state's POWER exactly (it is R(s) itself): the estimate must be exact.
                        Assert.That(p.Mean, Is.EqualTo(exact).Within(1e-7), $"seed {seed}, {state} at γ = {at.Gamma}: {p}");
                        continue;
                    }
                    intervals++;
                    if (p.Ci95Lower <= exact && exact <= p.Ci95Upper) covered++;
                }
        }
        return (covered, intervals);
    }

    private static void AssertCoverage((int Covered, int Intervals) c, string what)
    {
        double rate = (double)c.Covered / c.Intervals;
        TestContext.Out.WriteLine($"{what}: {c.Covered}/{c.Intervals} = {rate:P1} (seeds 1–{Seeds})");
        Assert.That(rate, Is.InRange(0.93, 0.97), $"{what}: coverage {rate:P1} over seeds 1–{Seeds}");
    }

    [TestCase(SamplingMethod.Independent, false, 512, 0)]
    [TestCase(SamplingMethod.Independent, true, 512, 0)]
    [TestCase(SamplingMethod.ScrambledSobol, false, 1024, 64)]
    [TestCase(SamplingMethod.ScrambledSobol, true, 1024, 64)]
    public void FixedRunIntervalsCoverTheExactPower(SamplingMethod sampler, bool covariates, int samples, int blockSize)
    {
        var c = Coverage(seed => new PowerOptions
        {
            Samples = samples, Seed = seed, BlockSize = blockSize, Sampler = sampler, ControlVariates = covariates, Threads = 1,
        }, (r, seed) =>
        {
            Assert.That(r.Estimator.Sampler, Is.EqualTo(sampler), $"seed {seed}");
            Assert.That(r.Estimator.Covariates.Count, Is.EqualTo(covariates ? 2 : 0), $"seed {seed}");
            if (sampler == SamplingMethod.ScrambledSobol) Assert.That(r.Estimator.Replicates, Is.EqualTo(samples / blockSize));
        });
        AssertCoverage(c, $"{sampler}{(covariates ? "+cv" : "")}");
    }

    [TestCase(null)]
    [TestCase(SamplingMethod.Independent)]
    public void TargetRunsMeetTheTargetAndKeepCoverage(SamplingMethod? sampler)
    {
        const double target = 0.004;
        var c = Coverage(seed => new PowerOptions { Samples = 200_000, Seed = seed, TargetStandardError = target, Sampler = sampler, Threads = 1 },
            (r, seed) =>
            {
                Assert.That(r.Accuracy, Is.Not.Null);
                Assert.That(r.Accuracy!.Met, Is.True, $"seed {seed}: {r.Accuracy}");
                foreach (var at in r.ByGamma)
                    foreach (var s in at.States)
                        Assert.That(s.Power.StandardError, Is.LessThanOrEqualTo(target), $"seed {seed}: {s.Name} at γ = {at.Gamma}");
            });
        AssertCoverage(c, $"target SE {target} ({sampler?.ToString() ?? "default estimator"})");
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests.Power;

/// <summary>Monte Carlo POWER against the closed forms of docs/theory.md §4.1–4.2, each within 4 standard errors.</summary>
public class PowerClosedFormTests
{
    private static readonly double[] Gammas = { 0, 0.1, 0.5, 0.9, 0.99, 1 };

    private static PowerResult Run(Mdp mdp, int samples = 4000, ulong seed = 42) =>
        new PowerEstimator(mdp).Estimate(Gammas, new PowerOptions { Samples = samples, Seed = seed });

    private static void AssertWithin4Se(MonteCarloEstimate estimate, double expected, string what)
    {
        Assert.That(estimate.StandardError, Is.GreaterThan(0), what);
        Assert.That(Math.Abs(estimate.ZScore(expected)), Is.LessThan(4.0), $"{what}: {estimate} vs {expected}");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    public void KTerminalOptionsHavePowerKOverKPlusOneAndEachOptionProbabilityOneOverK(int k)
    {
        var mdp = PaperMdps.TerminalOptions(k);
        var result = Run(mdp);
        foreach (var at in result.ByGamma)
        {
            AssertWithin4Se(at.Power("s"), k / (k + 1.0), $"POWER(s, γ={at.Gamma})");
            for (int i = 1; i <= k; i++)
            {
                AssertWithin4Se(at.Power($"t{i}"), 0.5, $"POWER(t{i}, γ={at.Gamma})");
                if (k > 1) AssertWithin4Se(at.OptimalityProbability("s", $"to_t{i}"), 1.0 / k, $"P(s,to_t{i},γ={at.Gamma})");
            }
        }
    }

    [TestCase(1)]
    [TestCase(3)]
    public void SelfLoopPlusKTerminalsHasPowerKPlusOneOverKPlusTwo(int k)
    {
        var result = Run(PaperMdps.SelfLoopPlusTerminals(k));
        foreach (var at in result.ByGamma)
            AssertWithin4Se(at.Power("s"), (k + 1.0) / (k + 2.0), $"POWER(s, γ={at.Gamma})");
    }

    [Test]
    public void TerminalStateHasPowerOneHalf()
    {
        foreach (var at in Run(PaperMdps.TerminalState()).ByGamma) AssertWithin4Se(at.Power("t"), 0.5, $"γ={at.Gamma}");
    }

    [Test]
    public void Figure1MatchesTheClosedFormsOfTheory41()
    {
        var result = Run(PaperMdps.OptspFigure1(), samples: 8000);
        foreach (var at in result.ByGamma)
        {
            double g = at.Gamma;
            double left = (4 + 3 * g) / (6 * (1 + g));
            AssertWithin4Se(at.Power("l_sw"), left, $"POWER(ℓ↙, γ={g})");
            AssertWithin4Se(at.Power("l"), left, $"POWER(ℓ◁, γ={g})");
            AssertWithin4Se(at.Power("r_se"), 2.0 / 3, $"POWER(r↘, γ={g})");
            AssertWithin4Se(at.Power("r"), 2.0 / 3, $"POWER(r▷, γ={g})");
            AssertWithin4Se(at.Power("empty"), 0.5, $"POWER(∅, γ={g})");
        }
        AssertWithin4Se(result.At(0).Power("star"), 0.75, "POWER(⋆, 0)");
        AssertWithin4Se(result.At(0).Power("l_sw"), 2.0 / 3, "limit γ→0 of ℓ↙");
        AssertWithin4Se(result.At(1).Power("l_sw"), 7.0 / 12, "limit γ→1 of ℓ↙");
        // docs/theory.md §4.1(f): at γ→0 each of ⋆'s three actions is optimal with probability 1/3.
        foreach (var a in new[] { "up", "left", "right" })
            AssertWithin4Se(result.At(0).OptimalityProbability("star", a), 1.0 / 3, $"P(⋆,{a},0)");
    }

    [Test]
    public void StarAtGammaOneEqualsTheExpectedMaximumOverItsFiveNonDominatedRsds()
    {
        // Independent oracle: POWER(⋆,1) = E[max over RSD_nd(⋆) of dᵀr] (docs/theory.md §4.1(d)), estimated by a separate
        // Monte Carlo with another generator; the two estimates must agree within 4 combined standard errors.
        var mdp = PaperMdps.OptspFigure1();
        var engine = new PowerEstimator(mdp).Estimate(1.0, new PowerOptions { Samples = 20_000, Seed = 3 }).Power("star");
        var rng = new Random(12345);
        const int n = 20_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++)
        {
            double e = rng.NextDouble(), lsw = rng.NextDouble(), lnw = rng.NextDouble(), rse = rng.NextDouble(), rne = rng.NextDouble();
            double x = Math.Max(Math.Max(e, lsw), Math.Max((lsw + lnw) / 2, Math.Max(rse, rne)));
            sum += x;
            sq += x * x;
        }
        double mean = sum / n, se = Math.Sqrt((sq / n - mean * mean) / (n - 1));
        double combined = Math.Sqrt(se * se + engine.StandardError * engine.StandardError);
        Assert.That(engine.Mean, Is.EqualTo(mean).Within(4 * combined));
    }

    [Test]
    public void StochasticGambleMatchesTheExactIntegral()
    {
        // POWER(s0) = E[max((x1+x2)/2, x3)] = 1/2 + E[m²]/2 with m = (x1+x2)/2, E[m²] = 7/24, so 31/48, for every γ.
        var result = Run(PaperMdps.GambleOrSafe(), samples: 4000);
        foreach (var at in result.ByGamma)
        {
            AssertWithin4Se(at.Power("s0"), 31.0 / 48, $"POWER(s0, γ={at.Gamma})");
            AssertWithin4Se(at.OptimalityProbability("s0", "gamble"), 0.5, $"P(gamble, γ={at.Gamma})");
            AssertWithin4Se(at.OptimalityProbability("s0", "safe"), 0.5, $"P(safe, γ={at.Gamma})");
        }
    }

    [Test]
    public void PointMassRewardsGiveExactPowerWithZeroErrorAndEveryActionOptimal()
    {
        var mdp = PaperMdps.OptspFigure1();
        var est = new PowerEstimator(mdp, PowerTheory.Rewards.RewardDistribution.Iid(PowerTheory.Rewards.ScalarDistribution.Point(1)));
        var result = est.Estimate(new[] { 0.0, 0.5, 1.0 }, new PowerOptions { Samples = 100 });
        foreach (var at in result.ByGamma)
        {
            foreach (var s in at.States)
            {
                Assert.That(s.Power.Mean, Is.EqualTo(1.0).Within(1e-12));
                Assert.That(s.Power.StandardError, Is.EqualTo(0.0).Within(1e-12));
            }
            foreach (var a in at.Actions) Assert.That(a.Probability.Mean, Is.EqualTo(1.0), $"{a.StateName}/{a.ActionName}: ties count as optimal");
        }
    }
}

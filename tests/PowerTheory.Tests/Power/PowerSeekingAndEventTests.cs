using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Power;

/// <summary>Paired POWER-seeking comparisons (OPTSP Def. 5.6) and user-set optimality probabilities P_D(F,γ).</summary>
public class PowerSeekingAndEventTests
{
    [Test]
    public void RightSeeksMorePowerThanLeftAtStarOfFigure1()
    {
        var mdp = PaperMdps.OptspFigure1();
        var est = new PowerEstimator(mdp);
        var c = est.CompareActions("star", "right", "left", 0.9, new PowerOptions { Samples = 4000, Seed = 8 });
        // E[POWER(r▷)] − E[POWER(ℓ◁)] = 2/3 − (4+2.7)/(6·1.9) = 0.07895.
        double expected = 2.0 / 3 - 6.7 / 11.4;
        Assert.That(c.Verdict, Is.EqualTo(PowerSeekingVerdict.ActionSeeksMorePower), c.Describe());
        Assert.That(Math.Abs(c.Difference.ZScore(expected)), Is.LessThan(4));
        Assert.That(c.Difference.Mean, Is.EqualTo(c.ExpectedPowerOfAction.Mean - c.ExpectedPowerOfOther.Mean).Within(1e-12));
        // SD(A − B) lies between |SD A − SD B| and SD A + SD B whatever the correlation (the paired SE uses the same samples).
        double sa = c.ExpectedPowerOfAction.StandardError, sb = c.ExpectedPowerOfOther.StandardError;
        Assert.That(c.Difference.StandardError, Is.InRange(Math.Abs(sa - sb) * (1 - 1e-9), (sa + sb) * (1 + 1e-9)),
            "the paired standard error is consistent with the two marginal ones");
        var reverse = est.CompareActions("star", "left", "right", 0.9, new PowerOptions { Samples = 4000, Seed = 8 });
        Assert.That(reverse.Verdict, Is.EqualTo(PowerSeekingVerdict.OtherActionSeeksMorePower));
    }

    [TestCase(1, 3.0)]
    [TestCase(2, 3.205155)]   // Python's statistics.NormalDist().inv_cdf(1 − α₁/4), α₁ = 2·(1 − Φ(3))
    [TestCase(3, 3.320075)]
    [TestCase(10, 3.642522)]
    [TestCase(100, 4.197414)]
    public void TheVerdictThresholdIsBonferronisOverTheRunsComparisons(int comparisons, double expected) =>
        Assert.That(PowerSeekingComparison.ThresholdFor(comparisons), Is.EqualTo(expected).Within(2e-6));

    [Test]
    public void EveryComparisonOfARunUsesTheRunsThreshold()
    {
        // Two comparisons at two γ: m = 4, so every verdict uses z* = Φ⁻¹(1 − α₁/8) and says so.
        var mdp = PaperMdps.OptspFigure1();
        int star = mdp.StateIndex("star");
        var requests = new[]
        {
            new PowerComparisonRequest(star, mdp.ActionIndex(star, "right"), mdp.ActionIndex(star, "left")),
            new PowerComparisonRequest(star, mdp.ActionIndex(star, "up"), mdp.ActionIndex(star, "left")),
        };
        var r = new PowerEstimator(mdp).Estimate([0.5, 0.9], new PowerOptions { Samples = 300, Seed = 2, Comparisons = requests });
        foreach (var at in r.ByGamma)
        foreach (var c in at.Comparisons)
        {
            Assert.That(c.ComparisonsInRun, Is.EqualTo(4));
            Assert.That(c.Threshold, Is.EqualTo(PowerSeekingComparison.ThresholdFor(4)));
            var expected = c.ZScore >= c.Threshold ? PowerSeekingVerdict.ActionSeeksMorePower
                : c.ZScore <= -c.Threshold ? PowerSeekingVerdict.OtherActionSeeksMorePower : PowerSeekingVerdict.CannotTell;
            Assert.That(c.Verdict, Is.EqualTo(expected), c.Describe());
            if (c.Verdict == PowerSeekingVerdict.CannotTell) Assert.That(c.Describe(), Does.Contain("Bonferroni over 4 comparisons"));
        }
    }

    [Test]
    public void SymmetricOptionsCannotBeToldApartAndIdenticalActionsAreEqual()
    {
        var est = new PowerEstimator(PaperMdps.TerminalOptions(2));
        var c = est.CompareActions("s", "to_t1", "to_t2", 0.5, new PowerOptions { Samples = 2000, Seed = 1 });
        Assert.That(c.Verdict, Is.EqualTo(PowerSeekingVerdict.CannotTell), c.Describe());
        Assert.That(c.Describe(), Does.Contain("cannot tell"));
        var same = est.CompareActions("s", "to_t1", "to_t1", 0.5, new PowerOptions { Samples = 100, Seed = 1 });
        Assert.That(same.Verdict, Is.EqualTo(PowerSeekingVerdict.Equal));
    }

    [Test]
    public void EndsInAndPolicySetProbabilitiesOnTerminalOptions()
    {
        var mdp = PaperMdps.TerminalOptions(3);
        var est = new PowerEstimator(mdp);
        var toT1 = Policy.FromNames(mdp, new Dictionary<string, string> { ["s"] = "to_t1" });
        var toT2 = Policy.FromNames(mdp, new Dictionary<string, string> { ["s"] = "to_t2" });
        var events = new[]
        {
            OptimalityEvent.EndsIn(mdp, "s", "t1"),
            OptimalityEvent.EndsIn(mdp, "s", "t1", "t2"),
            OptimalityEvent.FromPolicies(0, new[] { toT1 }),
            OptimalityEvent.FromPolicies(0, new[] { toT1, toT2 }),
        };
        var result = est.Estimate(new[] { 0, 0.5, 0.9, 1 }, new PowerOptions { Samples = 3000, Seed = 4, Events = events });
        foreach (var at in result.ByGamma)
        {
            double[] expected = { 1.0 / 3, 2.0 / 3, 1.0 / 3, 2.0 / 3 };
            for (int e = 0; e < events.Length; e++)
                Assert.That(Math.Abs(at.Events[e].Probability.ZScore(expected[e])), Is.LessThan(4), $"{events[e]} at γ={at.Gamma}");
            // The one-target event and the one-policy event are the same event sample by sample.
            Assert.That(at.Events[0].Probability, Is.EqualTo(at.Events[2].Probability));
            Assert.That(at.Events[0].Probability, Is.EqualTo(at.OptimalityProbability("s", "to_t1")));
        }
    }

    [Test]
    public void AverageOptimalAgentsTendToAvoidTheTerminalStateOfFigure1()
    {
        // Cor. 6.14: at γ = 1 ending in ∅ from ⋆ is average-optimal exactly when r(∅) is the largest of the five
        // RSD_nd(⋆) values; independent check by direct sampling, then the "avoid ∅" event has probability ≥ 3/4.
        var mdp = PaperMdps.OptspFigure1();
        var endsInEmpty = OptimalityEvent.EndsIn(mdp, "star", "empty");
        var p = new PowerEstimator(mdp).OptimalityProbability(endsInEmpty, 1.0, new PowerOptions { Samples = 20_000, Seed = 6 });
        var rng = new Random(99);
        const int n = 20_000;
        int hits = 0;
        for (int i = 0; i < n; i++)
        {
            double e = rng.NextDouble(), lsw = rng.NextDouble(), lnw = rng.NextDouble(), rse = rng.NextDouble(), rne = rng.NextDouble();
            if (e >= Math.Max(Math.Max(lsw, (lsw + lnw) / 2), Math.Max(rse, rne))) hits++;
        }
        double q = (double)hits / n;
        double se = Math.Sqrt(q * (1 - q) / n);
        Assert.That(p.Mean, Is.EqualTo(q).Within(4 * Math.Sqrt(se * se + p.StandardError * p.StandardError)));
        Assert.That(1 - p.Mean, Is.GreaterThanOrEqualTo(0.75));
    }

    [Test]
    public void EndsInRefusesTargetsWithoutASelfLoop()
    {
        var mdp = PaperMdps.OptspFigure1();
        Assert.That(() => OptimalityEvent.EndsIn(mdp, "star", "l_nw"), Throws.ArgumentException.With.Message.Contain("l_nw"));
    }

    [Test]
    public void EndsInOnAStochasticMdpNeedsAbsorptionWithProbabilityOne()
    {
        // s0: gamble → t1 or t2 (1/2 each) or safe → t3, all absorbing. The gamble is optimal at every γ exactly when
        // (r1 + r2)/2 > r3, which has probability 1/2 under IID uniform rewards (both sides are symmetric about 1/2).
        // "Ends in {t1, t2}" is that event; "ends in {t1}" never holds: the gamble reaches t2 with probability 1/2.
        var mdp = PaperMdps.GambleOrSafe();
        var gamble = Policy.FromNames(mdp, new Dictionary<string, string> { ["s0"] = "gamble" });
        var events = new[]
        {
            OptimalityEvent.EndsIn(mdp, "s0", "t1", "t2"),
            OptimalityEvent.EndsIn(mdp, "s0", "t1"),
            OptimalityEvent.EndsIn(mdp, "s0", "t3"),
            OptimalityEvent.FromPolicies(0, new[] { gamble }),
        };
        var result = new PowerEstimator(mdp).Estimate(new[] { 0, 0.6, 1 }, new PowerOptions { Samples = 4000, Seed = 12, Events = events });
        foreach (var at in result.ByGamma)
        {
            Assert.That(Math.Abs(at.Events[0].Probability.ZScore(0.5)), Is.LessThan(4), $"ends in {{t1, t2}} at γ = {at.Gamma}");
            Assert.That(at.Events[1].Probability.Mean, Is.EqualTo(0), $"ends in {{t1}} at γ = {at.Gamma}");
            Assert.That(at.Events[0].Probability.Mean + at.Events[2].Probability.Mean, Is.EqualTo(1).Within(1e-12), "continuous law: one or the other");
            Assert.That(at.Events[0].Probability, Is.EqualTo(at.Events[3].Probability), "the same event as the gamble policy");
            Assert.That(at.Events[0].Probability, Is.EqualTo(at.OptimalityProbability("s0", "gamble")));
        }
    }
}

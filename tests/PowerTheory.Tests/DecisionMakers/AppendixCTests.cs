using PowerTheory.DecisionMakers;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>OPTSP App. C's sub-optimal POWER (docs/theory.md §4.2 item 8): at γ = 1 under IID uniform rewards,
/// POWER^pol(s0) is 1/2 for the random policy, 3/4 for pol₂ (which knows only s1, s2, s5 and heads for the best of those),
/// and 5/6 for optimal play — each within 4 standard errors. pol₂ also exercises user-supplied decision-makers.</summary>
public class AppendixCTests
{
    /// <summary>pol₂: at s0 go towards the best of the known terminals {s1, s2, s5}; at sl / sr pick that terminal when it
    /// is there, otherwise the best known one reachable (sr without s5 known: s5 is known, so always to5).</summary>
    private static void Informed(DecisionContext context, ReadOnlySpan<double> r, Random random, Span<double> policy)
    {
        var mdp = context.Mdp;
        policy.Clear();
        int s1 = mdp.StateIndex("s1"), s2 = mdp.StateIndex("s2"), s5 = mdp.StateIndex("s5");
        bool left = Math.Max(r[s1], r[s2]) >= r[s5];
        policy[mdp.StateActionIndex(mdp.StateIndex("s0"), left ? 0 : 1)] = 1;
        policy[mdp.StateActionIndex(mdp.StateIndex("sl"), r[s1] >= r[s2] ? 0 : 1)] = 1;
        policy[mdp.StateActionIndex(mdp.StateIndex("sr"), 2)] = 1;
        foreach (var t in new[] { "s1", "s2", "s3", "s4", "s5" }) policy[mdp.FirstStateAction(mdp.StateIndex(t))] = 1;
    }

    [Test]
    public void RandomInformedAndOptimalGiveOneHalfThreeQuartersFiveSixths()
    {
        var mdp = AppendixCMdp.Create();
        var estimator = new TendencyEstimator(mdp);
        var pol2 = DecisionMaker.FromFunction("pol2", Informed);
        var result = estimator.Estimate([DecisionMaker.Random, pol2, DecisionMaker.Optimal], 1.0, "s0",
            new TendencyOptions { Samples = 20_000, Seed = 11, Threads = 2 });
        int s0 = mdp.StateIndex("s0");
        var expected = new[] { 0.5, 0.75, 5.0 / 6 };
        for (int i = 0; i < 3; i++)
        {
            var p = result.DecisionMakers[i].Power![s0];
            TestContext.Out.WriteLine($"{result.DecisionMakers[i].Name}: {p} (expected {expected[i]:F4})");
            Assert.That(Math.Abs(p.ZScore(expected[i])), Is.LessThan(4), $"{result.DecisionMakers[i].Name}: {p} vs {expected[i]}");
            Assert.That(p.StandardError, Is.GreaterThan(0).And.LessThan(0.01));
        }
    }
}

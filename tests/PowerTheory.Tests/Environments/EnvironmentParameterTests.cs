using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Rewards;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Environments;

/// <summary>Parameters on built-in names (<c>map20:slip=0.1</c>) and the papers' environments added for issue #12.</summary>
public class EnvironmentParameterTests
{
    [Test]
    public void SlipOnAMapGivesTheSlipperyGridworld()
    {
        var mdp = BuiltInEnvironments.Create("map20:slip=0.1");
        Assert.That(mdp, Is.EqualTo(Gridworld.FromAscii(GridMaps.Map20, 0.1)));
        Assert.That(mdp.Name, Is.EqualTo("map20:slip=0.1"));
        Assert.That(mdp.IsDeterministic, Is.False);
        Assert.That(BuiltInEnvironments.Create("map20"), Is.EqualTo(Gridworld.FromAscii(GridMaps.Map20)));
    }

    [Test]
    public void OpenGridTakesItsSize()
    {
        var mdp = BuiltInEnvironments.Create("open:rows=30,cols=20,slip=0.1");
        Assert.That(mdp, Is.EqualTo(Gridworld.Open(30, 20, 0.1)));
        Assert.That(mdp.StateCount, Is.EqualTo(600));
        Assert.That(mdp.Name, Is.EqualTo("open:rows=30,cols=20,slip=0.1"));
    }

    [TestCase("map20:slip=1", "map20: slip must be a number in [0, 1); got '1'")]
    [TestCase("map20:slip=abc", "map20: slip must be a number in [0, 1)")]
    [TestCase("map20:slp=0.1", "map20 has no parameter 'slp'; its parameters are slip")]
    [TestCase("open:rows=2.5", "open: rows must be a whole number")]
    [TestCase("open:rows=0", "open: rows must be a whole number in [1, 10000]")]
    [TestCase("optsp-fig1:k=2", "optsp-fig1 takes no parameters")]
    [TestCase("grid3:slip", "environment 'grid3:slip': 'slip' is not KEY=VALUE; write NAME[:KEY=VALUE,KEY=VALUE…]")]
    [TestCase("grid3:slip=0.1,slip=0.2", "'slip' is given twice")]
    public void BadParametersAreRefusedByName(string spec, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => BuiltInEnvironments.Create(spec));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void AParameterGivenInTwoSpellingsIsRefusedNotOverwritten()
    {
        BuiltInEnvironments.TryGet("open", out var open);
        var twice = new Dictionary<string, string>(StringComparer.Ordinal) { ["rows"] = "3", ["ROWS"] = "4" };
        var e = Assert.Throws<ArgumentException>(() => open.Create(twice));
        Assert.That(e!.Message, Does.Contain("'ROWS' is given twice"));
        Assert.That(open.Create(new Dictionary<string, string> { ["Rows"] = "3" }).Name, Is.EqualTo("open:rows=3"));
    }

    [Test]
    public void UnknownBaseNameIsNotABuiltIn() =>
        Assert.That(BuiltInEnvironments.TryCreate("nosuch:slip=0.1", out _), Is.False);

    [Test]
    public void OptspAppendixCHasPowerFiveSixthsAtTheAverageRewardLimit()
    {
        // docs/theory.md §4.2 item 8: with optimal play POWER(s0) at γ → 1 is E[max of 5 uniforms] = 5/6.
        var mdp = BuiltInEnvironments.Create("optsp-appc");
        var p = new PowerEstimator(mdp, RewardDistribution.Parse("uniform(0,1)", mdp))
            .Estimate(1.0, new PowerOptions { Samples = 20_000, Seed = 3 }).Power(mdp.StateIndex("s0"));
        Assert.That(p.Mean, Is.EqualTo(5.0 / 6).Within(4 * p.StandardError));
    }

    [Test]
    public void PacManPrefersTheFruitInTwoThirdsOfTheOrbit()
    {
        // PRDM §2: of the 6 permutations of (10, 5, 0) over (ghost, apple, cherry), 4 make 'right' optimal (brute force).
        var mdp = BuiltInEnvironments.Create("prdm-pacman");
        int ghost = mdp.StateIndex("ghost"), apple = mdp.StateIndex("apple"), cherry = mdp.StateIndex("cherry");
        int start = mdp.StateIndex("start"), right = mdp.ActionIndex(start, "right");
        int count = 0;
        foreach (var u in new[] { new[] { 10, 5, 0 }, [10, 0, 5], [5, 10, 0], [5, 0, 10], [0, 10, 5], [0, 5, 10] })
        {
            var r = new double[mdp.StateCount];
            (r[ghost], r[apple], r[cherry]) = (u[0], u[1], u[2]);
            var q = PolicyIteration.Solve(mdp, r, 0.99).ActionValues;
            int sa = mdp.FirstStateAction(start);
            if (q[sa + right] > q[sa + 1 - right]) count++;
        }
        Assert.That(count, Is.EqualTo(4));
    }

    [Test]
    public void StochasticChainMovesWithProbabilityP()
    {
        var mdp = BuiltInEnvironments.Create("chain4-stochastic:p=0.6");
        int c2 = mdp.StateIndex("c2");
        Assert.That(mdp.TransitionProbability(c2, mdp.ActionIndex(c2, "right"), mdp.StateIndex("c3")), Is.EqualTo(0.6).Within(1e-15));
        Assert.That(mdp.TransitionProbability(c2, mdp.ActionIndex(c2, "right"), c2), Is.EqualTo(0.4).Within(1e-15));
        Assert.That(mdp.ActionNames(mdp.StateIndex("c1")), Is.EqualTo(new[] { "stay", "right" }));
        Assert.That(BuiltInEnvironments.Create("chain4-stochastic").StateCount, Is.EqualTo(4));
    }
}

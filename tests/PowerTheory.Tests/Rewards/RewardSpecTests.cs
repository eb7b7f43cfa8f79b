using PowerTheory.Environments;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Rewards;

/// <summary>The reward spec grammar of docs/power.md, reward distributions: laws, overrides, ties, and error messages naming the bad token.</summary>
public class RewardSpecTests
{
    private static readonly PowerTheory.Mdps.Mdp Gamble = PaperMdps.GambleOrSafe();

    [TestCase("uniform(0,1)", 0.0, 1.0)]
    [TestCase("uniform(-1, 2.5)", -1.0, 2.5)]
    [TestCase("beta(2,5)", 0.0, 1.0)]
    [TestCase("bernoulli(0.3)", 0.0, 1.0)]
    [TestCase("point(4)", 4.0, 4.0)]
    [TestCase("discrete(-1:0.25, 3:0.75)", -1.0, 3.0)]
    [TestCase("triangular(0,2,1)", 0.0, 2.0)]
    [TestCase("  UNIFORM ( 0 , 1 ) ", 0.0, 1.0)]
    public void ParsesBoundedLawsWithTheirSupport(string spec, double lower, double upper)
    {
        var law = RewardSpecParser.ParseLaw(spec);
        Assert.That(law.Lower, Is.EqualTo(lower));
        Assert.That(law.Upper, Is.EqualTo(upper));
        Assert.That(law.IsBounded, Is.True);
        Assert.That(RewardSpecParser.ParseLaw(law.Spec).Spec, Is.EqualTo(law.Spec), "the canonical spec parses back to itself");
    }

    [TestCase("normal(0,1)")]
    [TestCase("exponential(2)")]
    public void UnboundedLawsParseButAreRefusedForPower(string spec)
    {
        var dist = RewardSpecParser.Parse(spec, Gamble);
        Assert.That(dist.IsBounded, Is.False);
        var e = Assert.Throws<ArgumentException>(() => dist.CheckBoundedForPower());
        Assert.That(e!.Message, Does.Contain("bounded support").And.Contain(spec));
    }

    [Test]
    public void OverridesAndTiesBuildAPerStateDistribution()
    {
        var dist = RewardSpecParser.Parse("uniform(0,1); s0=uniform(-1,1); tie(t1,t2)", Gamble);
        Assert.That(dist, Is.InstanceOf<StateRewardDistribution>());
        var d = (StateRewardDistribution)dist;
        Assert.That(d.LawOf(0).Spec, Is.EqualTo("uniform(-1,1)"));
        Assert.That(d.LawOf(3).Spec, Is.EqualTo("uniform(0,1)"));
        Assert.That(d.Ties, Has.Count.EqualTo(1));
        Assert.That(dist.Spec, Is.EqualTo("uniform(0,1); s0=uniform(-1,1); tie(t1,t2)"));
        Assert.That(RewardSpecParser.Parse(dist.Spec, Gamble).Spec, Is.EqualTo(dist.Spec));
        Assert.That(dist.IsContinuous, Is.False, "tied states make ties likely");
    }

    [Test]
    public void BuildFromCommandLinePiecesMatchesTheOneStringForm()
    {
        var a = RewardSpecParser.Build(Gamble, null, new[] { "s0=point(2)" }, new[] { "t1,t3" });
        Assert.That(a.Spec, Is.EqualTo("uniform(0,1); s0=point(2); tie(t1,t3)"));
        Assert.That(RewardSpecParser.Build(Gamble, "beta(2,2)").Spec, Is.EqualTo("beta(2,2)"));
    }

    [TestCase("uniform(0,1", "")]
    [TestCase("gaussian(0,1)", "gaussian")]
    [TestCase("uniform(0,x)", "x")]
    [TestCase("uniform(1,0)", "uniform")]
    [TestCase("beta(2)", "beta")]
    [TestCase("uniform(0,1); nowhere=point(1)", "nowhere")]
    [TestCase("tie(s0,zz)", "zz")]
    [TestCase("discrete(0:0.5,1:0.4)", "discrete")]
    [TestCase("uniform(0,1); beta(1,1)", "beta")]
    [TestCase("", "")]
    public void ErrorsNameTheBadToken(string spec, string token)
    {
        var e = Assert.Throws<RewardSpecException>(() => RewardSpecParser.Parse(spec, Gamble));
        Assert.That(e!.Token, Is.EqualTo(token));
        if (token.Length > 0) Assert.That(e.Message, Does.Contain(token));
    }

    [Test]
    public void TiedStatesWithDifferentLawsAreRefused()
    {
        var e = Assert.Throws<RewardSpecException>(() => RewardSpecParser.Parse("uniform(0,1); t1=point(1); tie(t1,t2)", Gamble));
        Assert.That(e!.Message, Does.Contain("t1").And.Contain("t2"));
    }
}

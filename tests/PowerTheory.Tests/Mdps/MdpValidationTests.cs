using PowerTheory.Solvers;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.Mdps;

/// <summary>Builder, dense and JSON front doors: each validation error names the offending field; JSON round-trips.</summary>
public class MdpValidationTests
{
    private static MdpValidationException BuildFails(Func<MdpBuilder, MdpBuilder> configure) =>
        Assert.Throws<MdpValidationException>(() => configure(new MdpBuilder().AddStates("a", "b")).Build())!;

    [Test]
    public void RowNotSummingToOneReportsSumStateAndAction()
    {
        var ex = BuildFails(b => b.AddAction("a", "go", ("a", 0.5), ("b", 0.4)).AddAction("b", "stay", "b"));
        Assert.That(ex.Field, Is.EqualTo("transitions.a.go"));
        Assert.That(ex.Message, Does.Contain("0.9").And.Contain("'a'").And.Contain("'go'"));
    }

    [Test]
    public void NegativeAndNaNProbabilitiesAreRejected()
    {
        var neg = BuildFails(b => b.AddAction("a", "go", ("a", 1.5), ("b", -0.5)).AddAction("b", "stay", "b"));
        Assert.That(neg.Message, Does.Contain("non-negative"));
        var nan = BuildFails(b => b.AddAction("a", "go", ("a", double.NaN)).AddAction("b", "stay", "b"));
        Assert.That(nan.Message, Does.Contain("finite"));
    }

    [Test]
    public void UnknownDuplicateAndActionlessStatesAreRejected()
    {
        Assert.That(BuildFails(b => b.AddAction("a", "go", "zz").AddAction("b", "stay", "b")).Message, Does.Contain("unknown successor 'zz'"));
        Assert.That(BuildFails(b => b.AddAction("a", "stay", "a").AddAction("b", "stay", "b").AddAction("c", "x", "a")).Message, Does.Contain("unknown state 'c'"));
        Assert.That(BuildFails(b => b.AddState("a").AddAction("a", "stay", "a").AddAction("b", "stay", "b")).Message, Does.Contain("duplicate state name 'a'"));
        Assert.That(BuildFails(b => b.AddAction("a", "stay", "a")).Field, Is.EqualTo("transitions.b"));
        Assert.That(BuildFails(b => b.AddAction("a", "x", "a").AddAction("a", "x", "b").AddAction("b", "stay", "b")).Message, Does.Contain("twice"));
    }

    [Test]
    public void MalformedJsonIsReported()
    {
        var ex = Assert.Throws<MdpValidationException>(() => MdpJson.Parse("{\"states\": [\"a\", }"));
        Assert.That(ex!.Message, Does.Contain("malformed JSON"));
        var unknown = Assert.Throws<MdpValidationException>(() => MdpJson.Parse("{\"states\":[\"a\"],\"transitions\":{\"a\":{\"s\":\"a\"}},\"gama\":0.9}"));
        Assert.That(unknown!.Field, Is.EqualTo("gama"));
        var bad = Assert.Throws<MdpValidationException>(() => MdpJson.Parse("{\"states\":[\"a\",\"b\"],\"transitions\":{\"a\":{\"s\":{\"a\":0.7,\"b\":0.2}},\"b\":{\"s\":\"b\"}}}"));
        Assert.That(bad!.Field, Is.EqualTo("transitions.a.s"));
    }

    [Test]
    public void JsonRoundTripsToAnEqualMdp()
    {
        foreach (var document in new[]
                 {
                     new MdpDocument(PaperMdps.OptspFigure1()),
                     new MdpDocument(PaperMdps.GambleOrSafe(), gamma: 0.9, rewards: new[] { 0, 1, 0.25, 0.6 }, rewardSpec: "uniform(0,1)"),
                     new MdpDocument(Gridworld.FromAscii(GridMaps.Maze7, slip: 0.1)),
                 })
        {
            var once = MdpJson.Parse(MdpJson.ToJson(document));
            var twice = MdpJson.Parse(MdpJson.ToJson(once));
            Assert.That(once, Is.EqualTo(document));
            Assert.That(twice, Is.EqualTo(once));
            Assert.That(once.Mdp.Name, Is.EqualTo(document.Mdp.Name));
            Assert.That(once.Mdp.Labels, Is.EquivalentTo(document.Mdp.Labels));
        }
        Assert.That(new MdpDocument(PaperMdps.GambleOrSafe(), gamma: 0.9), Is.Not.EqualTo(new MdpDocument(PaperMdps.GambleOrSafe(), gamma: 0.8)));
    }

    [Test]
    public void FromDenseHonoursTheAvailabilityMask()
    {
        // Action 1 is unavailable at state 1 (its row is garbage and must be ignored).
        var p = new[]
        {
            new[] { new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 } },
            new[] { new[] { 0.5, 0.5 }, new[] { 7.0, -3.0 } },
        };
        var mdp = Mdp.FromDense(p, new[] { new[] { true, true }, new[] { true, false } });
        Assert.That(mdp.ActionCount(0), Is.EqualTo(2));
        Assert.That(mdp.ActionCount(1), Is.EqualTo(1));
        Assert.That(mdp.TransitionProbability(0, 1, 0), Is.EqualTo(0.5));
        var none = Assert.Throws<MdpValidationException>(() => Mdp.FromDense(p, new[] { new[] { true, false }, new[] { true, false } }));
        Assert.That(none!.Message, Does.Contain("no actions"));
    }

    [Test]
    public void RelabelStatesMovesNamesAndTransitions()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var phi = new[] { 3, 2, 1, 0 };
        var relabelled = mdp.RelabelStates(phi);
        for (int s = 0; s < 4; s++)
        {
            Assert.That(relabelled.StateNames[phi[s]], Is.EqualTo(mdp.StateNames[s]));
            for (int a = 0; a < mdp.ActionCount(s); a++)
            for (int t = 0; t < 4; t++)
                Assert.That(relabelled.TransitionProbability(phi[s], a, phi[t]), Is.EqualTo(mdp.TransitionProbability(s, a, t)));
        }
        Assert.Throws<ArgumentException>(() => mdp.RelabelStates(new[] { 0, 0, 1, 2 }));
    }

    [Test]
    public void EqualityIsStructuralSoPoliciesTransferBetweenEqualModels()
    {
        var mdp = PaperMdps.OptspFigure1();
        var renamed = mdp.WithName("another name");
        var reloaded = MdpJson.Parse(MdpJson.ToJson(new MdpDocument(mdp, gamma: 0.3, rewardSpec: "uniform(0,1)"))).Mdp;
        var builder = new MdpBuilder("plain").AddStates(mdp.StateNames);
        for (int s = 0; s < mdp.StateCount; s++)
            for (int a = 0; a < mdp.ActionCount(s); a++)
                builder.AddAction(mdp.StateNames[s], mdp.ActionName(s, a), mdp.StateNames[mdp.Successors(mdp.FirstStateAction(s) + a)[0]]);
        var unlabelled = builder.Build();
        var policy = PolicyIteration.Solve(mdp, Enumerable.Repeat(1.0, mdp.StateCount).ToArray(), 0.5).Policy;
        foreach (var other in new[] { renamed, reloaded, unlabelled })
        {
            Assert.That(other, Is.EqualTo(mdp));
            Assert.That(other.GetHashCode(), Is.EqualTo(mdp.GetHashCode()));
            Assert.That(PolicyEvaluation.Evaluate(other, policy, new double[mdp.StateCount], 0.5), Has.Length.EqualTo(mdp.StateCount));
        }
        Assert.That(unlabelled.Labels, Is.Empty);
        Assert.That(mdp.RelabelStates(Enumerable.Range(0, mdp.StateCount).Reverse().ToArray()), Is.Not.EqualTo(mdp));
    }
}

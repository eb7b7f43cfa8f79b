using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>OPTSP Prop 6.9 on Figure 1 and negative cases.</summary>
public class KeepOptionsOpenFinderTests
{
    [Test]
    public void Figure1RightKeepsMoreOptionsOpenThanLeft()
    {
        var mdp = PaperMdps.OptspFigure1();
        var cert = KeepOptionsOpenFinder.Find(mdp, "star", "right", "left");
        Assert.That(cert.Holds, Is.True, string.Join("\n", cert.Conditions));
        Assert.That(cert.Involutions, Has.Count.EqualTo(1));
        var pairs = cert.NamedInvolutions()[0].Select(p => string.Join(" ", new[] { p.First, p.Second }.Order())).Order();
        Assert.That(pairs, Is.EqualTo(new[] { "l r", "l_nw r_ne", "l_sw r_se" }));
        Assert.That(cert.Conditions.Single(c => c.Name.StartsWith("item 1")).Holds, Is.True);
        Assert.That(cert.Conditions.Single(c => c.Name.StartsWith("item 2")).Holds, Is.True);
        Assert.That(cert.Conditions.Single(c => c.Name.StartsWith("strict")).Holds, Is.True);
        Assert.That(cert.Route, Does.Contain("verified"));
        Assert.That(cert.Conclusions, Has.Count.EqualTo(3));
    }

    [Test]
    public void TheReverseDirectionIsNotCertifiedAndTheSearchIsExhaustive()
    {
        var mdp = PaperMdps.OptspFigure1();
        var cert = KeepOptionsOpenFinder.Find(mdp, "star", "left", "right");
        Assert.That(cert.Holds, Is.False);
        Assert.That(cert.Search.IsComplete, Is.True, "a proof that no such involution exists");
        Assert.That(cert.Conditions[0].Detail, Does.Contain("exhaustive"));
    }

    [Test]
    public void UpAndLeftAreIncomparableByProp69()
    {
        // ⋆ → ∅ stays at the first step, ⋆ → ℓ◁ cannot (ℓ◁ has no self-loop), and ℓ◁'s options do not fit into ∅:
        // no involution exists in either direction, and both searches say so exhaustively.
        var mdp = PaperMdps.OptspFigure1();
        foreach (var (a, b) in new[] { ("up", "left"), ("left", "up") })
        {
            var cert = KeepOptionsOpenFinder.Find(mdp, "star", a, b);
            Assert.That(cert.Holds, Is.False, $"{a} vs {b}");
            Assert.That(cert.Search.IsComplete, Is.True, $"{a} vs {b}");
        }
        Assert.That(() => KeepOptionsOpenFinder.Find(mdp, "star", "jump", "left"), Throws.ArgumentException.With.Message.Contains("'jump'"));
    }
}

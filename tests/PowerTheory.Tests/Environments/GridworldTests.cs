using PowerTheory.Environments;

namespace PowerTheory.Tests.Environments;

/// <summary>Gridworld construction: names, no wall-bump actions, slip rows.</summary>
public class GridworldTests
{
    [Test]
    public void CornersHaveNoWallBumpActions()
    {
        var mdp = Gridworld.Open(2, 3);
        int corner = mdp.StateIndex("r0c0");
        Assert.That(mdp.ActionNames(corner), Is.EqualTo(new[] { "down", "right", "stay" }));
        Assert.That(mdp.ActionNames(mdp.StateIndex("r1c1")), Is.EqualTo(new[] { "up", "left", "right", "stay" }));
        Assert.That(mdp.StateNames, Is.EqualTo(new[] { "r0c0", "r0c1", "r0c2", "r1c0", "r1c1", "r1c2" }));
        Assert.That(mdp.IsDeterministic, Is.True);
    }

    [Test]
    public void WallsAreNotStatesAndMapsHaveTheDocumentedSizes()
    {
        Assert.That(Gridworld.FromAscii(GridMaps.Maze7).StateCount, Is.EqualTo(31));
        Assert.That(Gridworld.FromAscii(GridMaps.Map20).StateCount, Is.EqualTo(220));
        var mdp = Gridworld.FromAscii(".#.\n...");
        Assert.That(mdp.TryGetStateIndex("r0c1", out _), Is.False);
        Assert.That(mdp.ActionNames(mdp.StateIndex("r0c0")), Is.EqualTo(new[] { "down", "stay" }));
    }

    [Test]
    public void SlipRowsMixTheIntendedMoveWithAUniformMove()
    {
        var mdp = Gridworld.FromAscii("...", slip: 0.2);
        int mid = mdp.StateIndex("r0c1"), left = mdp.StateIndex("r0c0"), right = mdp.StateIndex("r0c2");
        int a = mdp.ActionIndex(mid, "left");
        Assert.That(mdp.TransitionProbability(mid, a, left), Is.EqualTo(0.8 + 0.2 / 3).Within(1e-15));
        Assert.That(mdp.TransitionProbability(mid, a, right), Is.EqualTo(0.2 / 3).Within(1e-15));
        Assert.That(mdp.TransitionProbability(mid, a, mid), Is.EqualTo(0.2 / 3).Within(1e-15));
        Assert.Throws<PowerTheory.Mdps.MdpValidationException>(() => Gridworld.FromAscii(".x."));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gridworld.Open(2, 2, slip: 1));
    }
}

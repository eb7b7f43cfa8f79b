using PowerTheory.Environments;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>Cor 6.14 / D.12 on the micro-MDPs: k terminal options give n = k − 1; a stochastic gamble has no copy.</summary>
public class AvoidanceMicroMdpTests
{
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    public void KTerminalOptionsGiveKMinusOneCopies(int k)
    {
        var mdp = PaperMdps.TerminalOptions(k);
        var c = SymmetryFinder.AverageOptimalAvoidance(mdp, mdp.StateIndex("s"), [mdp.StateIndex("t1")]);
        Assert.That(c.Holds, Is.True, c.ToString());
        Assert.That(c.N, Is.EqualTo(k - 1), c.ToString());
        Assert.That(c.Conditions.Single(x => x.Name.StartsWith("n = ", StringComparison.Ordinal)).Holds, Is.True, "exhaustive, so maximal");
    }

    [Test]
    public void TheStochasticGambleHasNoCopyOfTheSafeOutcome()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var c = SymmetryFinder.AverageOptimalAvoidance(mdp, mdp.StateIndex("s0"), [mdp.StateIndex("t3")]);
        Assert.That(c.Holds, Is.False, c.ToString());
        Assert.That(c.ProvedAbsent, Is.True, c.ToString());
    }
}

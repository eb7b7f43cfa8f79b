using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>Gridworld symmetries: a symmetry of the 20×20 map that swaps mirrored cells is found within the default
/// budget in both directions (so their POWER is equal in the ≥_most sense both ways), and is checked independently to
/// be an automorphism of the MDP.</summary>
public class GridSymmetryTests
{
    private static bool IsAutomorphism(Mdp mdp, Permutation phi)
    {
        for (int x = 0; x < mdp.StateCount; x++)
        {
            var mine = Enumerable.Range(0, mdp.ActionCount(x)).Select(a => phi[mdp.Successors(mdp.FirstStateAction(x) + a)[0]]).Order();
            var theirs = Enumerable.Range(0, mdp.ActionCount(phi[x])).Select(a => mdp.Successors(mdp.FirstStateAction(phi[x]) + a)[0]).Order();
            if (!mine.SequenceEqual(theirs)) return false;
        }
        return true;
    }

    [Test]
    public void Map20MirroredCellsAreCertifiedBothWays()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Map20);
        foreach (var (s, t) in new[] { ("r13c0", "r13c19"), ("r13c19", "r13c0"), ("r7c4", "r7c15") })
        {
            var cert = PowerComparisonFinder.Find(mdp, s, t);
            Assert.That(cert.Holds, Is.True, $"{s} vs {t}: " + string.Join("\n", cert.Conditions) + "\n" + cert.Search.Describe());
            var phi = cert.Involutions[0];
            Assert.That(phi[mdp.StateIndex(t)], Is.EqualTo(mdp.StateIndex(s)));
            Assert.That(phi.IsInvolution, Is.True);
            Assert.That(IsAutomorphism(mdp, phi), Is.True, $"{s} vs {t}: φ = {phi}");
            Assert.That(cert.Search.Seconds, Is.LessThan(SearchBudget.DefaultMaxSeconds));
        }
    }
}

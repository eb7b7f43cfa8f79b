using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>The finders on OPTSP Figure 1 against the paper's involution φ = (ℓ◁ r▷)(ℓ↙ r↘)(ℓ↖ r↗) and the n = 3 of
/// docs/theory.md §4.1 (g).</summary>
public class Figure1SymmetryTests
{
    private static readonly Mdp Figure1 = PaperMdps.OptspFigure1();

    private static Permutation PaperInvolution() => Permutation.FromTranspositions(Figure1.StateCount,
        [(Figure1.StateIndex("l"), Figure1.StateIndex("r")), (Figure1.StateIndex("l_sw"), Figure1.StateIndex("r_se")),
         (Figure1.StateIndex("l_nw"), Figure1.StateIndex("r_ne"))]);

    private static SymmetryCondition Condition(SymmetryCertificate c, string prefix) =>
        c.Conditions.Single(x => x.Name.StartsWith(prefix, StringComparison.Ordinal));

    [Test]
    public void RightKeepsMoreOptionsOpenThanLeftWithBothItems()
    {
        int star = Figure1.StateIndex("star");
        var c = SymmetryFinder.KeepsOptionsOpen(Figure1, star, Figure1.ActionIndex(star, "right"), Figure1.ActionIndex(star, "left"));
        Assert.That(c.Holds, Is.True, c.ToString());
        TestContext.Out.WriteLine(c);
        Assert.That(c.Permutations.Single(), Is.EqualTo(PaperInvolution()), c.ToString());
        Assert.That(c.Involutions.Single().Select(p => p.ToString()), Is.EquivalentTo(new[] { "(l r)", "(l_sw r_se)", "(l_nw r_ne)" }));
        Assert.That(Condition(c, "item (1)").Holds, Is.True, c.ToString());
        Assert.That(Condition(c, "item (2)").Holds, Is.True, c.ToString());
        Assert.That(Condition(c, "φ fixes every state outside").Holds, Is.True, c.ToString());
        Assert.That(c.Search.IsComplete, Is.True);
        // Independently: F(star | right) ⊇ φ·F(star | left) on the enumerated sets, through the checker.
        Assert.That(c.Conditions.Any(x => x.Name.Contains("⊆ F(star | π(star)=right)") && x.Holds), Is.True, c.ToString());
    }

    [Test]
    public void LeftDoesNotKeepMoreOptionsOpenThanRight()
    {
        int star = Figure1.StateIndex("star");
        var c = SymmetryFinder.KeepsOptionsOpen(Figure1, star, Figure1.ActionIndex(star, "left"), Figure1.ActionIndex(star, "right"));
        Assert.That(c.Holds, Is.False, c.ToString());
        Assert.That(c.ProvedAbsent, Is.True, c.ToString());
        Assert.That(c.N, Is.EqualTo(0));
    }

    [Test]
    public void PowerDominanceBetweenTheSuccessorsOfStar()
    {
        int l = Figure1.StateIndex("l"), r = Figure1.StateIndex("r");
        var c = SymmetryFinder.PowerDominance(Figure1, r, l);
        Assert.That(c.Holds, Is.True, c.ToString());
        Assert.That(c.Permutations.Single()[l], Is.EqualTo(r));
        // Verified on the enumerated sets by the checker: F(r) ⊇ φ·F_nd(l); strict since F_nd(r) ∖ φ·F_nd(l) ≠ ∅ (r_ne stays).
        Assert.That(c.Conditions.Any(x => x.Name.Contains("φ·F_nd(l) ⊆ F(r)") && x.Holds), Is.True, c.ToString());
        Assert.That(Condition(c, "strict").Holds, Is.True, c.ToString());
        var reverse = SymmetryFinder.PowerDominance(Figure1, l, r);
        Assert.That(reverse.Holds, Is.False, reverse.ToString());
        Assert.That(reverse.ProvedAbsent, Is.True, reverse.ToString());
    }

    [Test]
    public void AveragePowerDominanceBetweenTheSuccessorsOfStar()
    {
        int l = Figure1.StateIndex("l"), r = Figure1.StateIndex("r");
        Assert.That(SymmetryFinder.AveragePowerDominance(Figure1, r, l).Holds, Is.True);
        var reverse = SymmetryFinder.AveragePowerDominance(Figure1, l, r);
        Assert.That(reverse.Holds, Is.False, reverse.ToString());
        Assert.That(reverse.ProvedAbsent, Is.True, reverse.ToString());
    }

    [Test]
    public void ShutdownAvoidanceHasThreeCopies()
    {
        int star = Figure1.StateIndex("star"), empty = Figure1.StateIndex("empty");
        var c = SymmetryFinder.AverageOptimalAvoidance(Figure1, star, [empty]);
        Assert.That(c.Holds, Is.True, c.ToString());
        Assert.That(c.N, Is.EqualTo(3), c.ToString());
        Assert.That(c.Theorem, Does.Contain("Cor 6.14"));
        Assert.That(Condition(c, "n = 3").Holds, Is.True, "maximal: exactly the three other 1-cycles ℓ↙, r↘, r↗");
        var swapped = c.Involutions.Select(pairs => pairs.Single()).Select(p => p.First == "empty" ? p.Second : p.First);
        Assert.That(swapped, Is.EquivalentTo(new[] { "l_sw", "r_se", "r_ne" }));
        Assert.That(Condition(c, "D ∪ D'").Holds, Is.True);
        // Independent re-check by the checker.
        var rsd = PowerTheory.Visits.RecurrentStateDistributionSet.Enumerate(Figure1, star);
        var all = PermutableSet.OfVectors(Figure1, rsd.Distributions.Select(e => e.Distribution), "RSD");
        var a = all.Subset(Enumerable.Range(0, all.Count).Where(i => all.Labels[i] == "e_empty"), "A");
        var b = all.Subset(Enumerable.Range(0, all.Count).Where(i => all.Labels[i] != "e_empty"), "B");
        Assert.That(CopyChecker.ContainsCopies(c.Permutations, a, b, requireDisjoint: true).Holds, Is.True);
    }
}

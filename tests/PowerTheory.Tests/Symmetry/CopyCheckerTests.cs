using PowerTheory.Environments;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Symmetry;

/// <summary>The checkers on hand-made sets whose answers follow from the definitions.</summary>
public class CopyCheckerTests
{
    private static readonly PowerTheory.Mdps.Mdp Mdp = PaperMdps.TerminalOptions(4); // s → t1..t4, each absorbing

    private static PermutableSet Units(params string[] states) =>
        PermutableSet.OfVectors(Mdp, states.Select(x => (IReadOnlyList<double>)Enumerable.Range(0, Mdp.StateCount)
            .Select(i => Mdp.StateNames[i] == x ? 1.0 : 0.0).ToArray()), "{" + string.Join(",", states) + "}");

    private static Permutation Swap(string a, string b) =>
        Permutation.FromTranspositions(Mdp.StateCount, [(Mdp.StateIndex(a), Mdp.StateIndex(b))]);

    [Test]
    public void NonInvolutionIsRefusedByNameInCycleNotation()
    {
        var cycle = Permutation.FromImage([0, 2, 3, 1, 4]);
        var e = Assert.Throws<ArgumentException>(() => CopyChecker.ContainsCopy(cycle, Units("t1"), Units("t2")));
        Assert.That(e!.Message, Does.Contain("(t1 t2 t3)").And.Contain("not an involution"));
    }

    [Test]
    public void CopyAndSimilarityReportTheMissingElement()
    {
        var check = CopyChecker.ContainsCopy(Swap("t1", "t2"), Units("t1", "t3"), Units("t2", "t4"));
        Assert.That(check.Holds, Is.False);
        Assert.That(check.Conditions.Last().Detail, Does.Contain("e_t3"));
        Assert.That(CopyChecker.ContainsCopy(Swap("t1", "t2"), Units("t1"), Units("t2", "t4")).Holds, Is.True);
        Assert.That(CopyChecker.Similar(Swap("t1", "t2"), Units("t1"), Units("t2", "t4")).Holds, Is.False, "t4 has no preimage");
        Assert.That(CopyChecker.Similar(Swap("t1", "t2"), Units("t1", "t4"), Units("t2", "t4")).Holds, Is.True);
    }

    [Test]
    public void NCopiesFollowDefinitionA7()
    {
        var a = Units("t1");
        var b = Units("t2", "t3", "t4");
        var phis = new[] { Swap("t1", "t2"), Swap("t1", "t3"), Swap("t1", "t4") };
        Assert.That(CopyChecker.ContainsCopies(phis, a, b).Holds, Is.True);
        // φ_1 = (t1 t2)(t3 t4) moves B_2 = {e_t3}: invariance fails.
        var bad = Permutation.FromTranspositions(Mdp.StateCount, [(1, 2), (3, 4)]);
        var check = CopyChecker.ContainsCopies([bad, Swap("t1", "t3")], a, b);
        Assert.That(check.Holds, Is.False);
        Assert.That(check.Conditions.Single(c => c.Name == "φ_1·B_2 = B_2").Holds, Is.False);
        // The footnote's degenerate case: a subset A' ⊆ B contains n copies of itself through identities; allowed
        // literally, refused when the copies must be disjoint.
        var inside = Units("t2");
        var identities = new[] { Permutation.Identity(Mdp.StateCount), Permutation.Identity(Mdp.StateCount) };
        Assert.That(CopyChecker.ContainsCopies(identities, inside, b, requireDisjoint: false).Holds, Is.True);
        Assert.That(CopyChecker.ContainsCopies(identities, inside, b, requireDisjoint: true).Holds, Is.False);
    }

    [Test]
    public void SupersetCopiesFollowDefinitionB8()
    {
        var a = Units("t1");
        var b = Units("t2", "t3", "t4");
        var phis = new[] { Swap("t1", "t2"), Swap("t1", "t3") };
        // B_1* = {t2}, B_2* = {t3, t4}: each image lies in its superset and each φ_i fixes the other superset.
        Assert.That(CopyChecker.ContainsSupersetCopies(phis, a, b, [[0], [1, 2]]).Holds, Is.True);
        // B_1* = {t2, t3}: φ_2 = (t1 t3) sends e_t3 to e_t1 ∉ B, so φ_2·B_1* ≠ B_1*.
        var check = CopyChecker.ContainsSupersetCopies(phis, a, b, [[0, 1], [1, 2]]);
        Assert.That(check.Holds, Is.False);
        Assert.That(check.Conditions.Single(c => c.Name == "φ_2·B_1* = B_1*").Holds, Is.False, check.ToString());
    }

    [Test]
    public void FunctionSetsAreComparedForEveryDiscount()
    {
        var mdp = PaperMdps.OptspFigure1();
        var phi = Permutation.FromTranspositions(mdp.StateCount,
            [(mdp.StateIndex("l"), mdp.StateIndex("r")), (mdp.StateIndex("l_sw"), mdp.StateIndex("r_se")), (mdp.StateIndex("l_nw"), mdp.StateIndex("r_ne"))]);
        var fl = PermutableSet.OfFunctions(mdp, VisitDistributionSet.Enumerate(mdp, "l").Functions, "F(l)");
        var fr = PermutableSet.OfFunctions(mdp, VisitDistributionSet.Enumerate(mdp, "r").Functions, "F(r)");
        Assert.That(fl.Count, Is.EqualTo(4));
        Assert.That(fr.Count, Is.EqualTo(6));
        Assert.That(CopyChecker.ContainsCopy(phi, fl, fr).Holds, Is.True);
        var reverse = CopyChecker.ContainsCopy(phi, fr, fl);
        Assert.That(reverse.Holds, Is.False);
        Assert.That(reverse.Conditions.Last().Detail, Does.Contain("r_ne"));
    }
}

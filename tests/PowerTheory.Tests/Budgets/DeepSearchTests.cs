using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Polytope;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Budgets;

/// <summary>Searches whose depth grows with the model (one level per reached state) on models far deeper than the
/// call stack: they used to overflow it, which ends the process without a word (no exception can be caught). Now the
/// policy walk keeps its own stack and the symmetry search stops at the stack's depth as at a budget, with a labelled
/// partial answer. A regression here kills the test host, so these tests fail loudly.</summary>
public class DeepSearchTests
{
    [Test]
    public void ThePolicyWalkOfA90000StateSlipperyGridDoesNotOverflowTheStack()
    {
        // From r0c0 every action of a slippery grid reaches new cells, so the walk's first leaf is 90,000 levels deep.
        var mdp = BuiltInEnvironments.Create("open:rows=300,cols=300,slip=0.1");
        int start = mdp.StateIndex("r0c0");
        var report = VertexReport.Discounted(mdp, start, 0.5, new VertexReportOptions
        {
            Search = new NonDominatedSearchOptions { Budget = new SearchBudget(200, 5), MaxVertices = 5 },
            EnumerationBudget = new SearchBudget(5, 2),
        });
        Assert.That(report.IsComplete, Is.False);
        Assert.That(report.Outcome.Stop, Is.EqualTo(SearchStop.NodeBudget).Or.EqualTo(SearchStop.TimeBudget));
        var count = VisitDistributionSet.Enumerate(mdp, start, new SearchBudget(1000, 5));
        Assert.That(count.Outcome.IsComplete, Is.False);
    }

    [Test]
    public void TheWalkStillVisitsEveryPolicyOfASmallModelOnce()
    {
        // Oracle: brute force. From s of loop-plus-3-terminals the reach-restricted policies are 4 (self-loop or one of
        // three terminals), so 4 distinct visit distributions; on terminal-options-3, 3.
        var a = VisitDistributionSet.Enumerate(BuiltInEnvironments.Create("loop-plus-3-terminals"), 0, new SearchBudget(1000, 10));
        var b = VisitDistributionSet.Enumerate(BuiltInEnvironments.Create("terminal-options-3"), 0, new SearchBudget(1000, 10));
        Assert.That(a.Outcome.IsComplete && b.Outcome.IsComplete, Is.True);
        Assert.That(a.Functions.Count, Is.EqualTo(4));
        Assert.That(b.Functions.Count, Is.EqualTo(3));
    }

    [Test]
    public void TheSymmetrySearchStopsAtTheStacksDepthAsAtABudget()
    {
        var mdp = BuiltInEnvironments.Create("open:rows=300,cols=300");
        int s = mdp.StateIndex("r0c0");
        var certificate = SymmetryFinder.KeepsOptionsOpen(mdp, s, mdp.ActionIndex(s, "right"), mdp.ActionIndex(s, "down"),
            new SearchBudget(2_000_000, 60));
        Assert.That(certificate.Search.Stop, Is.EqualTo(SearchStop.DepthLimit), certificate.Search.Describe());
        Assert.That(certificate.Search.StopName, Is.EqualTo("depth-limit"));
        Assert.That(certificate.Search.Describe(), Does.Contain("depth limit"));
    }
}

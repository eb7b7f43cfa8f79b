using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Polytope;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Polytope;

/// <summary>Every search over visit distributions stops at its budget with an honest partial answer: the 20×20 map's
/// r13c0 (which once grew to 9.5 GB and crashed), the time limit on enumerations, and the partial average report.</summary>
public class SearchBudgetHoldsTests
{
    [Test]
    public void Map20R13c0ReturnsAPartialCertifiedAnswerWithinBoundedMemory()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Map20);
        int state = mdp.StateIndex("r13c0");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var report = VertexReport.Discounted(mdp, state, 0.9, new VertexReportOptions
        {
            CountBudget = new SearchBudget(5_000, 5),
            Search = new NonDominatedSearchOptions { Budget = new SearchBudget(1_000_000, 30), MaxVertices = 300 },
        });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(report.IsComplete, Is.False);
        Assert.That(report.Outcome.Stop, Is.EqualTo(SearchStop.ResultLimit));
        Assert.That(report.NonDominatedCount, Is.EqualTo(300));
        Assert.That(report.VisitDistributionCount, Is.Null, "|F(r13c0)| is far beyond 5,000 policies");
        Assert.That(allocated, Is.LessThan(400L << 20), $"allocated {allocated >> 20} MB for 300 vertices");
        // Each listed vertex is still certified: its witness reward makes it optimal (V*(s) = f·r).
        var set = NonDominatedSearch.Run(mdp, state, 0.9, new NonDominatedSearchOptions { MaxVertices = 5 });
        foreach (var v in set.Vertices)
        {
            var witness = v.Witness.ToArray();
            double fr = v.Visits.Zip(witness, (f, r) => f * r).Sum();
            Assert.That(fr, Is.EqualTo(PolicyIteration.Solve(mdp, witness, 0.9)[state]).Within(1e-8));
        }
    }

    [Test]
    public void TheTimeBudgetStopsAnEnumeration()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Map20);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var set = VisitDistributionSet.Enumerate(mdp, mdp.StateIndex("r13c0"), new SearchBudget(long.MaxValue, 0.3));
        Assert.That(set.IsComplete, Is.False);
        Assert.That(set.Outcome.Stop, Is.EqualTo(SearchStop.TimeBudget));
        Assert.That(set.Count, Is.GreaterThan(0));
        Assert.That(started.Elapsed.TotalSeconds, Is.LessThan(30), "stops promptly (generous bound for a loaded machine)");
        var rsd = RecurrentStateDistributionSet.Enumerate(mdp, mdp.StateIndex("r13c0"), new SearchBudget(long.MaxValue, 0.3));
        Assert.That(rsd.Outcome.Stop, Is.EqualTo(SearchStop.TimeBudget));
    }

    [Test]
    public void ABudgetLargeEnoughGivesTheCompleteAnswer()
    {
        var mdp = PaperMdps.OptspFigure1();
        foreach (var name in mdp.StateNames)
        {
            int s = mdp.StateIndex(name);
            var budgeted = VisitDistributionSet.Enumerate(mdp, s, new SearchBudget(1_000_000, 60));
            var exact = VisitDistributionSet.Enumerate(mdp, s);
            Assert.That(budgeted.IsComplete, Is.True, name);
            Assert.That(budgeted.Functions, Is.EqualTo(exact.Functions), name);
            Assert.That(budgeted.Outcome.Describe(), Does.StartWith("exhaustive"), name);
        }
    }

    [Test]
    public void AnAverageReportStoppedByItsBudgetSaysSo()
    {
        var mdp = PaperMdps.OptspFigure1();
        var full = VertexReport.Average(mdp, mdp.StateIndex("star"));
        var cut = VertexReport.Average(mdp, mdp.StateIndex("star"), new VertexReportOptions { EnumerationBudget = new SearchBudget(2, 60) });
        Assert.That(full.IsComplete, Is.True);
        Assert.That(cut.IsComplete, Is.False);
        Assert.That(cut.Outcome.Stop, Is.EqualTo(SearchStop.NodeBudget));
        Assert.That(cut.VisitDistributionCount, Is.Null);
        Assert.That(cut.NonDominatedCount, Is.LessThanOrEqualTo(2));
    }
}

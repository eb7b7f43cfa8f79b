using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Polytope;

namespace PowerTheory.Tests.Polytope;

/// <summary>The result types behind <c>powertheory vertices</c> carry the docs/cli.md fields.</summary>
public class VertexReportTests
{
    [Test]
    public void DiscountedReportForFigure1Star()
    {
        var mdp = PaperMdps.OptspFigure1();
        const double g = 0.37;
        var report = VertexReport.Discounted(mdp, mdp.StateIndex("star"), g);
        Assert.That(report.State, Is.EqualTo("star"));
        Assert.That(report.Gamma, Is.EqualTo(g));
        Assert.That(report.VisitDistributionCount, Is.EqualTo(11));
        Assert.That(report.NonDominatedCount, Is.EqualTo(5));
        Assert.That(report.IsComplete, Is.True);
        var up = report.NonDominated.Single(e => e.Policy["star"] == "up");
        Assert.That(up.Policy.Keys, Is.EqualTo(new[] { "star", "empty" }));
        Assert.That(up.Visits.Keys, Is.EqualTo(new[] { "star", "empty" }));
        Assert.That(up.Visits["empty"], Is.EqualTo(g / (1 - g)).Within(1e-12));
        Assert.That(up.Witness.Count, Is.EqualTo(mdp.StateCount));
        Assert.That(up.Margin, Is.GreaterThan(0));
    }

    [Test]
    public void AverageReportForFigure1Star()
    {
        var mdp = PaperMdps.OptspFigure1();
        var report = VertexReport.Average(mdp, mdp.StateIndex("star"));
        Assert.That(report.IsAverage, Is.True);
        Assert.That(report.Gamma, Is.Null);
        Assert.That(report.VisitDistributionCount, Is.EqualTo(6));
        Assert.That(report.NonDominatedCount, Is.EqualTo(5));
        var alternate = report.NonDominated.Single(e => e.Visits.ContainsKey("l_nw"));
        Assert.That(alternate.Visits["l_nw"], Is.EqualTo(0.5).Within(1e-14));
        Assert.That(alternate.Visits["l_sw"], Is.EqualTo(0.5).Within(1e-14));
        Assert.That(alternate.Margin, Is.GreaterThan(0));
    }

    [Test]
    public void AllStatesReportsFollowTheTable()
    {
        var mdp = PaperMdps.OptspFigure1();
        var discounted = VertexReport.DiscountedForAllStates(mdp, 0.5);
        Assert.That(discounted.Select(r => r.State), Is.EqualTo(mdp.StateNames));
        Assert.That(discounted.Select(r => r.VisitDistributionCount), Is.EqualTo(new int?[] { 11, 1, 4, 2, 2, 6, 3, 3 }));
        Assert.That(discounted.Select(r => r.NonDominatedCount), Is.EqualTo(new[] { 5, 1, 2, 2, 2, 2, 2, 2 }));
        var empty = discounted[mdp.StateIndex("empty")].NonDominated.Single();
        Assert.That(empty.Margin, Is.Null, "nothing to beat: no finite margin");
        Assert.That(discounted[0].NonDominated.All(e => e.Margin is > 0), Is.True);
        var average = VertexReport.AverageForAllStates(mdp);
        Assert.That(average, Has.Count.EqualTo(8));
        Assert.That(average.All(r => r.IsComplete), Is.True);
    }

    [Test]
    public void LargeStatesReportNoExactCountAndAnIncompleteSearch()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Map20);
        var report = VertexReport.Discounted(mdp, 0, 0.37, new VertexReportOptions
        {
            CountBudget = new SearchBudget(1000, 60),
            Search = new NonDominatedSearchOptions { Budget = new SearchBudget(500, 60) },
        });
        Assert.That(report.VisitDistributionCount, Is.Null);
        Assert.That(report.IsComplete, Is.False);
        Assert.That(report.NonDominatedCount, Is.GreaterThan(0));
    }
}

using PowerTheory.Budgets;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Polytope;

namespace PowerTheory.Tests.Budgets;

/// <summary><see cref="MemoryBudget"/> and <see cref="MemoryEstimate"/>: sizes parse as documented, an estimate above
/// the limit is refused before allocating (with the estimate, the limit and what to change), and the guarded entry
/// points refuse what cannot fit.</summary>
public class MemoryBudgetTests
{
    [TestCase("1", 1L)]
    [TestCase("4096", 4096L)]
    [TestCase("4K", 4L * 1024)]
    [TestCase("1.5M", 3L * 512 * 1024)]
    [TestCase("4G", 4L * 1024 * 1024 * 1024)]
    [TestCase("2gb", 2L * 1024 * 1024 * 1024)]
    [TestCase("1T", 1024L * 1024 * 1024 * 1024)]
    public void SizesParseInPowersOf1024(string text, long expected)
    {
        Assert.That(MemoryBudget.TryParseSize(text, out long bytes), Is.True);
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-4G")]
    [TestCase("NaN")]
    [TestCase("1e30T")]
    public void BadSizesAreRefused(string text) => Assert.That(MemoryBudget.TryParseSize(text, out _), Is.False);

    [Test]
    public void AnEstimateAboveTheLimitIsRefusedInOneLine()
    {
        long limit = MemoryBudget.LimitBytes;
        Assert.That(limit, Is.GreaterThan(0));
        Assert.DoesNotThrow(() => MemoryBudget.Require(limit, "a step", "change it"));
        var e = Assert.Throws<MemoryBudgetExceededException>(() => MemoryBudget.Require(2.0 * limit + 1, "a step", "use less"))!;
        Assert.That(e.EstimatedBytes, Is.EqualTo(2.0 * limit + 1));
        Assert.That(e.LimitBytes, Is.EqualTo(limit));
        Assert.That(e.Message, Does.StartWith("a step needs an estimated ").And.Contain(MemoryBudget.Format(limit)).And.EndWith("; use less."));
        Assert.That(e.Message, Does.Not.Contain("\n"));
        Assert.That(MemoryBudget.Fits(limit), Is.True);
        Assert.That(MemoryBudget.Fits(limit + 1.0), Is.False);
    }

    [Test]
    public void FormatUsesPowersOf1024() => Assert.Multiple(() =>
    {
        Assert.That(MemoryBudget.Format(812), Is.EqualTo("812 B"));
        Assert.That(MemoryBudget.Format(1536), Is.EqualTo("1.5 KB"));
        Assert.That(MemoryBudget.Format(3.5 * 1024 * 1024 * 1024), Is.EqualTo("3.5 GB"));
    });

    [Test]
    public void TheEstimateBoundsWhatAGridTakes()
    {
        // The estimate is an upper bound: building a 200×200 grid must allocate less than it.
        GC.Collect();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var mdp = Gridworld.Open(200, 200);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double estimate = MemoryEstimate.Model(mdp.StateCount, mdp.StateActionCount, mdp.TransitionCount);
        Assert.That(allocated, Is.LessThan(estimate), $"allocated {allocated} B, estimated {estimate} B");
    }

    [Test]
    public void AHugeOpenGridIsRefusedBeforeItIsBuilt()
    {
        double estimate = MemoryEstimate.Model(1e8, 5e8, 5e8);
        Assume.That(MemoryBudget.Fits(estimate), Is.False, "this machine's limit holds a 10^8-state grid");
        var e = Assert.Throws<MemoryBudgetExceededException>(() => Gridworld.Open(10_000, 10_000))!;
        Assert.That(e.EstimatedBytes, Is.EqualTo(estimate));
        Assert.That(e.Message, Does.Contain("10000x10000 open grid").And.Contain("fewer rows or columns"));
    }

    [Test]
    public void APrismHeaderDeclaringMoreStatesThanRowsIsRefusedBeforeAllocating()
    {
        var e = Assert.Throws<MdpValidationException>(() => PrismExplicitFormat.Parse("2000000000 1 1\n0 0 0 1\n"))!;
        Assert.That(e.Line, Is.EqualTo(1));
        Assert.That(e.Field, Is.EqualTo("STATES"));
        Assert.That(e.Message, Does.Contain("2000000000 states").And.Contain("only 1 rows"));
    }

    [Test]
    public void HorizonIsBounded()
    {
        Assert.DoesNotThrow(() => _ = new HorizonDecisionMaker(HorizonDecisionMaker.MaxHorizon));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new HorizonDecisionMaker(HorizonDecisionMaker.MaxHorizon + 1))!;
        Assert.That(e.Message, Does.Contain("[1, 1000000]"));
    }

    [Test]
    public void ExactKeysTooLargeStopTheCountNotTheProcess()
    {
        // Each exact key of a 3000-cell stochastic chain would take ≈ 27·3000³ characters: the count stops at once,
        // reported as a result-size stop, and the non-dominated search still answers.
        var mdp = StochasticChain.Create(3000);
        var options = new VertexReportOptions { Search = new NonDominatedSearchOptions { Budget = new SearchBudget(200, 30), MaxVertices = 5 } };
        var report = VertexReport.Discounted(mdp, 0, 0.5, options);
        Assert.That(report.VisitDistributionCount, Is.Null);
        Assert.That(report.NonDominatedCount, Is.GreaterThan(0));
        var count = PowerTheory.Visits.VisitDistributionSet.Enumerate(mdp, 0, new SearchBudget(1000, 30));
        Assert.That(count.Outcome.Stop, Is.EqualTo(SearchStop.ResultLimit));
        Assert.That(count.Outcome.Nodes, Is.EqualTo(1));
        // A small chain's keys fit: its count is exact (3 cells from c1: stay; right then stay, left or right; …).
        var small = PowerTheory.Visits.VisitDistributionSet.Enumerate(StochasticChain.Create(3), 0, new SearchBudget(1000, 30));
        Assert.That(small.Outcome.Stop, Is.EqualTo(SearchStop.Completed));
    }
}

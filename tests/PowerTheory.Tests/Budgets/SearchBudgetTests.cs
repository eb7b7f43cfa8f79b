using PowerTheory.Budgets;

namespace PowerTheory.Tests.Budgets;

/// <summary><see cref="SearchBudget"/> and <see cref="SearchMeter"/>: the node limit is exact, the time limit stops a
/// search, and bad limits are refused.</summary>
public class SearchBudgetTests
{
    [Test]
    public void NodeLimitStopsAtExactlyTheBudget()
    {
        var meter = new SearchBudget(maxNodes: 1000, maxSeconds: 1e6).Start();
        int accepted = 0;
        while (meter.TryCount()) accepted++;
        Assert.That(accepted, Is.EqualTo(1000));
        Assert.That(meter.Outcome().Stop, Is.EqualTo(SearchStop.NodeBudget));
        Assert.That(meter.TryCount(), Is.False, "an exhausted meter stays exhausted");
        Assert.That(meter.Outcome().Describe(), Does.Contain("node budget after 1000 nodes"));
    }

    [Test]
    public void TimeLimitStopsASearchThatWouldRunOn()
    {
        var meter = new SearchBudget(maxNodes: long.MaxValue, maxSeconds: 0.05).Start();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (meter.TryCount()) Thread.SpinWait(10);
        Assert.That(meter.Outcome().Stop, Is.EqualTo(SearchStop.TimeBudget));
        Assert.That(meter.Outcome().IsComplete, Is.False);
        Assert.That(started.Elapsed.TotalSeconds, Is.GreaterThanOrEqualTo(0.05));
    }

    [Test]
    public void CompletedSearchIsExhaustive()
    {
        var meter = SearchBudget.Default.Start();
        for (int i = 0; i < 10; i++) Assert.That(meter.TryCount(), Is.True);
        Assert.That(meter.Outcome().IsComplete, Is.True);
        Assert.That(meter.Outcome().Describe(), Does.StartWith("exhaustive: 10 nodes"));
    }

    [Test]
    public void BadLimitsAreRefused()
    {
        Assert.That(() => new SearchBudget(0, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("node budget must be positive"));
        Assert.That(() => new SearchBudget(1, double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("time budget"));
        Assert.That(new SearchBudget(5, double.PositiveInfinity).ToString(), Is.EqualTo("5 nodes, no time limit"));
    }
}

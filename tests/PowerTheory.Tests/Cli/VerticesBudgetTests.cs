using System.Text.Json;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory vertices</c> with budgets: a partial answer exits 0, warns on stderr and says so in JSON; bad
/// budgets are one-line usage errors.</summary>
public class VerticesBudgetTests
{
    [Test]
    public void PartialAnswerIsReportedNotHidden()
    {
        var run = CliRun.Of("vertices", "map20", "--state", "r13c0", "--gamma", "0.9", "--max-vertices", "40", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.Contain("warning: state r13c0: partial answer").And.Contain("result-size limit"));
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("complete").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("nonDominatedCount").GetInt32(), Is.EqualTo(40));
        var search = root.GetProperty("search");
        Assert.That(search.GetProperty("stop").GetString(), Is.EqualTo("result-limit"));
        Assert.That(search.GetProperty("exhaustive").GetBoolean(), Is.False);
        Assert.That(search.GetProperty("budget").GetProperty("seconds").GetDouble(), Is.EqualTo(8));
    }

    [Test]
    public void CompleteAnswerSaysExhaustive()
    {
        var run = CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--gamma", "0.5", "--format", "json", "--seconds", "30");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(doc.RootElement.GetProperty("search").GetProperty("stop").GetString(), Is.EqualTo("completed"));
        Assert.That(run.Err, Does.Not.Contain("partial"));
    }

    [Test]
    public void BadBudgetsAreUsageErrors()
    {
        CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--budget", "0").AssertCleanError(1, "--budget", "[1, 9223372036854775807]", "got '0'");
        CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--seconds", "-1").AssertCleanError(1, "--seconds", "(0, 31536000]", "got '-1'");
        CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--max-vertices", "0").AssertCleanError(1, "--max-vertices");
    }

    [Test]
    public void AllStatesShareOneTimeBudgetAndReportWhatWasSkipped()
    {
        // map20 has 220 states and --seconds 0.05 cannot cover them: the states reached are streamed as a JSON array, and
        // stderr says how many were skipped with the time-budget stop.
        var run = CliRun.Of("vertices", "map20", "--all-states", "--gamma", "0.9", "--seconds", "0.05", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        int listed = doc.RootElement.GetArrayLength();
        Assert.That(listed, Is.GreaterThanOrEqualTo(1).And.LessThan(220));
        Assert.That(run.Err, Does.Contain($"ran out after {listed} of 220 states; the other {220 - listed} were skipped (stop: time-budget)"));
    }

    [Test]
    public void AllStatesWithinBudgetListsEveryState()
    {
        var run = CliRun.Of("vertices", "optsp-fig1", "--all-states", "--gamma", "0.5", "-f", "json", "--seconds", "60");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetArrayLength(), Is.EqualTo(8));
        Assert.That(run.Err, Does.Not.Contain("skipped"));
    }

    [Test]
    public void AVertexLimitThatCannotFitIsRefused()
    {
        // 10⁹ vertices of 8 states at 216 B per state each is ≈ 1.6 TB.
        Assume.That(PowerTheory.Budgets.MemoryBudget.Fits(1e9 * 8 * 216), Is.False);
        CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--max-vertices", "1000000000")
            .AssertCleanError(2, "--max-vertices 1000000000", "lower --max-vertices");
    }
}

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
}

using System.Text.Json;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory symmetry</c>: the three theorems from the command line, text and JSON, and its usage errors.</summary>
public class SymmetryCommandTests
{
    [Test]
    public void Prop69OnFigure1PrintsTheInvolutionAndEveryCondition()
    {
        var run = CliRun.Of("symmetry", "optsp-fig1", "--state", "star", "--action", "right", "--versus", "left");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("CERTIFIED (n = 1)").And.Contain("(l r)").And.Contain("(l_sw r_se)").And.Contain("(l_nw r_ne)"));
        Assert.That(run.Out, Does.Contain("✔ item (1)").And.Contain("✔ item (2)"));
    }

    [Test]
    public void JsonCertificateFollowsTheContract()
    {
        var run = CliRun.Of("symmetry", "optsp-fig1", "--state", "star", "--avoid", "empty", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("theorem").GetString(), Does.Contain("Cor 6.14"));
        Assert.That(root.GetProperty("holds").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("n").GetInt32(), Is.EqualTo(3));
        Assert.That(root.GetProperty("involutions").GetArrayLength(), Is.EqualTo(3));
        Assert.That(root.GetProperty("search").GetString(), Is.EqualTo("exhaustive"));
        Assert.That(root.GetProperty("conditions").EnumerateArray().Where(c => c.GetProperty("required").GetBoolean())
            .All(c => c.GetProperty("holds").GetBoolean()), Is.True);
    }

    [Test]
    public void ANegativeAnswerIsNotAnError()
    {
        var run = CliRun.Of("symmetry", "optsp-fig1", "--state", "l", "--versus-state", "r", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetProperty("holds").GetBoolean(), Is.False);
        Assert.That(doc.RootElement.GetProperty("provedAbsent").GetBoolean(), Is.True);
    }

    [Test]
    public void AverageComparisonIsProp612()
    {
        var run = CliRun.Of("symmetry", "optsp-fig1", "--state", "r", "--versus-state", "l", "--average");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("Prop 6.12").And.Contain("CERTIFIED"));
    }

    [Test]
    public void UsageErrorsNameTheOption()
    {
        CliRun.Of("symmetry", "optsp-fig1", "--state", "star").AssertCleanError(1, "exactly one of");
        CliRun.Of("symmetry", "optsp-fig1", "--state", "nowhere", "--avoid", "empty").AssertCleanError(1, "--state", "nowhere");
        CliRun.Of("symmetry", "optsp-fig1", "--state", "star", "--action", "jump", "--versus", "left").AssertCleanError(1, "--action", "jump");
        CliRun.Of("symmetry", "optsp-fig1", "--state", "star", "--avoid", "empty,empty").AssertCleanError(1, "twice");
        CliRun.Of("symmetry", "optsp-fig1", "--state", "star", "--versus-state", "star").AssertCleanError(1, "differ");
    }
}

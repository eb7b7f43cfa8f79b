using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory validate</c>.</summary>
public class ValidateCommandTests
{
    [Test]
    public void ValidFilePrintsOneLineSummary()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("fig1.json", MdpJson.ToJson(PaperMdps.OptspFigure1()));
        var run = CliRun.Of("validate", path);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.OutLines, Has.Length.EqualTo(1));
        Assert.That(run.Out, Does.StartWith("ok: ").And.Contain("8 states").And.Contain("15 state-action pairs")
            .And.Contain("15 transitions").And.Contain("deterministic").And.Contain("1 terminal state"));
        Assert.That(run.Err, Is.Empty);
    }

    [Test]
    public void BuiltInNameIsAccepted()
    {
        var run = CliRun.Of("validate", "gamble-or-safe");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("built-in 'gamble-or-safe'").And.Contain("4 states")
            .And.Contain("5 state-action pairs").And.Contain("6 transitions").And.Contain("stochastic"));
    }

    [Test]
    public void JsonSummaryIsAnObject()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var run = CliRun.Of("validate", "gamble-or-safe", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("valid").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("states").GetInt32(), Is.EqualTo(mdp.StateCount));
            Assert.That(root.GetProperty("stateActions").GetInt32(), Is.EqualTo(mdp.StateActionCount));
            Assert.That(root.GetProperty("transitions").GetInt32(), Is.EqualTo(mdp.TransitionCount));
            Assert.That(root.GetProperty("deterministic").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("terminalStates").GetInt32(), Is.EqualTo(3));
            Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("gamble-or-safe"));
        });
    }

    [Test]
    public void JsonSummaryWritesEveryDocumentedFieldEvenWhenAbsent()
    {
        using var dir = new TempDirectory();
        // No name, no gamma, no rewards: those fields are null/false, never missing.
        var path = dir.Write("anon.json", """{"states":["s"],"transitions":{"s":{"stay":"s"}}}""");
        var run = CliRun.Of("validate", path, "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var fields = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(fields, Is.EqualTo(new[]
        {
            "source", "valid", "name", "builtIn", "states", "stateActions", "transitions", "deterministic", "terminalStates",
            "gamma", "hasRewards",
        }));
        Assert.That(doc.RootElement.GetProperty("name").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(doc.RootElement.GetProperty("gamma").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(doc.RootElement.GetProperty("hasRewards").GetBoolean(), Is.False);
        Assert.That(doc.RootElement.GetProperty("terminalStates").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void JsonOnInvalidFileGivesObjectAndErrorLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.json", """{"states":["s"],"transitions":{"s":{}}}""");
        var run = CliRun.Of("validate", path, "-f", "json");
        run.AssertCleanError(1, "'s'", "no actions");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(doc.RootElement.GetProperty("error").GetString(), Does.Contain("no actions"));
    }

    [Test]
    public void CsvHasHeaderAndOneRow()
    {
        var run = CliRun.Of("validate", "maze7", "-f", "csv");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.OutLines, Has.Length.EqualTo(2));
        Assert.That(run.OutLines[0], Is.EqualTo("source,name,states,stateActions,transitions,deterministic,terminalStates"));
        Assert.That(run.OutLines[1], Does.StartWith("maze7,maze7,31,"));
    }
}

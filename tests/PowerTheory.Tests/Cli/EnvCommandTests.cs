using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory env list</c> and <c>powertheory env export</c>.</summary>
public class EnvCommandTests
{
    [Test]
    public void ListTextNamesEveryBuiltIn()
    {
        var run = CliRun.Of("env", "list");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        foreach (var name in BuiltInEnvironments.Names)
            Assert.That(run.OutLines.Any(l => l.StartsWith(name + " ", StringComparison.Ordinal)), Is.True, name);
    }

    [Test]
    public void ListJsonHasSizesOfEveryBuiltIn()
    {
        var run = CliRun.Of("env", "list", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("name").GetString()), Is.EqualTo(BuiltInEnvironments.Names));
        foreach (var item in items)
        {
            var mdp = BuiltInEnvironments.Create(item.GetProperty("name").GetString()!);
            Assert.That(item.GetProperty("states").GetInt32(), Is.EqualTo(mdp.StateCount));
            Assert.That(item.GetProperty("stateActions").GetInt32(), Is.EqualTo(mdp.StateActionCount));
            Assert.That(item.GetProperty("deterministic").GetBoolean(), Is.EqualTo(mdp.IsDeterministic));
        }
    }

    [Test]
    public void ListCsvHasHeaderAndOneRowPerBuiltIn()
    {
        var run = CliRun.Of("env", "list", "-f", "csv");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.OutLines[0], Is.EqualTo("name,states,stateActions,transitions,deterministic,description"));
        Assert.That(run.OutLines, Has.Length.EqualTo(BuiltInEnvironments.All.Count + 1));
        Assert.That(run.OutLines[1], Does.StartWith("optsp-fig1,8,15,15,true,"));
    }

    [TestCase("optsp-fig1")]
    [TestCase("maze7")]
    [TestCase("gamble-or-safe")]
    public void ExportWritesAFileThatLoadsToTheSameMdp(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf(name + ".json");
        var run = CliRun.Of("env", "export", name, path);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var exported = MdpJson.Load(path).Mdp;
        var builtIn = BuiltInEnvironments.Create(name);
        Assert.That(exported, Is.EqualTo(builtIn));
        Assert.That(exported.Name, Is.EqualTo(builtIn.Name));
        Assert.That(exported.Labels, Is.EquivalentTo(builtIn.Labels));
        Assert.That(run.Err, Does.Contain("wrote " + name));

        var validate = CliRun.Of("validate", path);
        Assert.That(validate.ExitCode, Is.EqualTo(0), validate.Err);
    }

    [Test]
    public void ExportToStdout()
    {
        var run = CliRun.Of("env", "export", "grid3", "-");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(MdpJson.Parse(run.Out).Mdp, Is.EqualTo(BuiltInEnvironments.Create("grid3")));
    }

    [Test]
    public void ExportRefusesToOverwriteWithoutForce()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.json", "keep me");
        CliRun.Of("env", "export", "grid3", path).AssertCleanError(1, "x.json", "--force");
        Assert.That(File.ReadAllText(path), Is.EqualTo("keep me"));
        var forced = CliRun.Of("env", "export", "grid3", path, "--force");
        Assert.That(forced.ExitCode, Is.EqualTo(0), forced.Err);
        Assert.That(MdpJson.Load(path).Mdp.StateCount, Is.EqualTo(9));
    }

    [Test]
    public void ExportUnknownNameListsKnownNames() =>
        CliRun.Of("env", "export", "pacman", "-").AssertCleanError(1, "'pacman'", "optsp-fig1", "maze7");

    [Test]
    public void ExportIntoMissingDirectory()
    {
        using var dir = new TempDirectory();
        CliRun.Of("env", "export", "grid3", Path.Combine(dir.Path, "no", "such", "x.json"))
            .AssertCleanError(1, "does not exist");
    }

    [Test]
    public void EnvWithoutSubcommandIsAUsageError() => CliRun.Of("env").AssertCleanError(1, "powertheory env --help");
}

using PowerTheory.Environments;
using PowerTheory.IO.Formats;
using PowerTheory.Tests.IO.Formats;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory convert</c> and the format-aware MDP argument of every command.</summary>
public class ConvertCommandTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [TestCase("json")]
    [TestCase("drn")]
    [TestCase("tra")]
    [TestCase("gv")]
    public void ConvertsABuiltInToEachFormatAndBack(string ext)
    {
        var path = _dir.PathOf("m." + ext);
        var run = CliRun.Of("convert", "chain4-stochastic", path);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var back = _dir.PathOf("back.json");
        Assert.That(CliRun.Of("convert", path, back).ExitCode, Is.EqualTo(0));
        var original = BuiltInEnvironments.Create("chain4-stochastic");
        var mdp = MdpJson.Load(back).Mdp;
        // DRN and PRISM number the states; the transitions are the same in index order.
        Assert.That(mdp.AllProbabilities.ToArray(), Is.EqualTo(original.AllProbabilities.ToArray()));
        Assert.That(mdp.AllSuccessors.ToArray(), Is.EqualTo(original.AllSuccessors.ToArray()));
        if (ext is "json" or "gv") Assert.That(mdp, Is.EqualTo(original));
        else Assert.That(run.Err, Does.Contain("note: ").And.Contain("names states by number"));
    }

    [Test]
    public void GymOutputNeedsToAndIsReadBackByContent()
    {
        var path = _dir.PathOf("g.json");
        Assert.That(CliRun.Of("convert", "gamble-or-safe", path, "--to", "GYM").ExitCode, Is.EqualTo(0));
        Assert.That(MdpFormats.Load(path).Mdp, Is.EqualTo(BuiltInEnvironments.Create("gamble-or-safe")));
        var values = CliRun.Of("values", path, "-g", "0.5", "-r", "t1=1,*=0");
        Assert.That(values.ExitCode, Is.EqualTo(0), values.Err);
    }

    [Test]
    public void DotWithPowerColoursEveryState()
    {
        var path = _dir.PathOf("grid3.dot");
        var run = CliRun.Of("convert", "grid3", path, "--power", "0.6", "-n", "500");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var dot = File.ReadAllText(path);
        Assert.That(dot, Does.Contain("POWER at γ = 0.6"));
        Assert.That(dot.Split('\n').Count(l => l.Contains("fillcolor", StringComparison.Ordinal)), Is.EqualTo(9));
    }

    [Test]
    public void StandardOutputNeedsTo()
    {
        var run = CliRun.Of("convert", "grid3", "-", "--to", "drn");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.StartWith("// Written by PowerTheory"));
        CliRun.Of("convert", "grid3", "-").AssertCleanError(1, "--to");
    }

    [Test]
    public void UsageErrorsNameTheOptionOrFile()
    {
        CliRun.Of("convert", "grid3", _dir.PathOf("x.txt")).AssertCleanError(1, "x.txt", "extension", "--to");
        CliRun.Of("convert", "grid3", _dir.PathOf("x.json"), "--to", "xml").AssertCleanError(1, "--to must be one of json, drn, prism, gym, gv, dot", "'xml'");
        CliRun.Of("convert", "grid3", _dir.PathOf("x.json"), "--from", "dot").AssertCleanError(1, "--from dot");
        CliRun.Of("convert", "grid3", _dir.PathOf("x.json"), "--power", "0.5").AssertCleanError(1, "--power", "DOT");
        var existing = _dir.Write("e.json", "{}");
        CliRun.Of("convert", "grid3", existing).AssertCleanError(1, "e.json", "already exists", "--force");
        Assert.That(CliRun.Of("convert", "grid3", existing, "--force").ExitCode, Is.EqualTo(0));
        CliRun.Of("convert", "nosuch.drn", _dir.PathOf("y.json")).AssertCleanError(1, "nosuch.drn", "does not exist");
    }

    [Test]
    public void EveryCommandReadsEveryFormat()
    {
        foreach (var file in new[] { "coin.drn", "coin.tra", "coin.gym.json", "coin.gv" })
        {
            var path = RepoFiles.Example(file);
            foreach (var args in new[]
                     {
                         new[] { "validate", path }, ["values", path, "-g", "0.5", "-r", "0=0,1=1,2=0.5,3=0.25"],
                         ["power", path, "-g", "0.5", "-n", "200"], ["vertices", path, "--state", "0", "-g", "0.5"],
                     })
            {
                var run = CliRun.Of(args);
                Assert.That(run.ExitCode, Is.EqualTo(0), $"{string.Join(' ', args)}: {run.Err}");
            }
        }
    }

    [Test]
    public void ParameterisedBuiltInNamesWorkAsMdpArguments()
    {
        var run = CliRun.Of("validate", "open:rows=4,cols=6,slip=0.1");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("24 states").And.Contain("stochastic"));
        CliRun.Of("validate", "map20:slip=2").AssertCleanError(1, "map20: slip must be a number in [0, 1); got '2'");
    }

    [Test]
    public void EnvExportWritesAnyFormatAndListShowsParameters()
    {
        var path = _dir.PathOf("m.drn");
        Assert.That(CliRun.Of("env", "export", "maze7:slip=0.2", path).ExitCode, Is.EqualTo(0));
        Assert.That(DrnFormat.Load(path).Mdp.StateCount, Is.EqualTo(31));
        var list = CliRun.Of("env", "list");
        Assert.That(list.Out, Does.Contain("map20:slip: probability").And.Contain("open:rows:").And.Contain("optsp-appc").And.Contain("prdm-pacman"));
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>
/// No file changes what a model means without a word: a repeated entry or a header count that disagrees with the rows
/// is refused with the file and line; a PRISM export owns its companions (writes or removes each); a companion that
/// does not fit the <c>.tra</c> is ignored and every companion used is named; a name a format cannot carry is refused
/// at export.
/// </summary>
public class FileIntegrityTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static string Example(string name) => File.ReadAllText(RepoFiles.Example(name));

    private string CoinTra(string? srew = null, string? lab = null)
    {
        var tra = _dir.Write("c.tra", Example("coin.tra"));
        _dir.Write("c.srew", srew ?? Example("coin.srew"));
        _dir.Write("c.lab", lab ?? Example("coin.lab"));
        return tra;
    }

    [Test]
    public void SrewListingAStateTwiceIsRefusedWithBothLines()
    {
        var path = CoinTra(srew: "4 4\n1 1\n2 0.5\n3 0.25\n1 7\n");
        CliRun.Of("validate", path).AssertCleanError(1, "c.tra", "line 5:", ".srew gives state 1 a reward twice (line 2 and here)");
    }

    [Test]
    public void SrewWhoseHeaderCountDisagreesWithItsRowsIsRefused()
    {
        var path = CoinTra(srew: "4 2\n1 1\n2 0.5\n3 0.25\n");
        CliRun.Of("validate", path).AssertCleanError(1, "c.tra", "line 1:", "declares 2 rows (NONZEROS) but the file has 3");
    }

    [Test]
    public void TraRowRepeatedIsRefusedNotMerged()
    {
        var path = _dir.Write("d.tra", "2 2 3\n0 0 1 0.5 go\n0 0 1 0.5 go\n1 0 1 1 stay\n");
        CliRun.Of("validate", path).AssertCleanError(1, "d.tra", "line 3:", "lists target 1 twice (line 2 and here)");
    }

    [Test]
    public void LabRowRepeatedIsRefused()
    {
        var path = CoinTra(lab: "0=\"init\" 1=\"deadlock\"\n0: 0\n0: 1\n");
        CliRun.Of("validate", path).AssertCleanError(1, "line 3:", "second row for state 0");
    }

    [Test]
    public void DrnSuccessorRepeatedAndChoiceCountWrongAreRefused()
    {
        var text = Example("coin.drn");
        var twice = _dir.Write("twice.drn", text.Replace("\t\t3 : 1\n", "\t\t3 : 0.5\n\t\t3 : 0.5\n", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(twice), Is.Not.EqualTo(text), "the edit must apply");
        CliRun.Of("validate", twice).AssertCleanError(1, "twice.drn", "lists successor 3 twice");
        var miscount = _dir.Write("count.drn", text.Replace("@nr_choices\n7", "@nr_choices\n6", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(miscount), Is.Not.EqualTo(text), "the edit must apply");
        CliRun.Of("validate", miscount).AssertCleanError(1, "count.drn", "@nr_choices declares 6 choices but the model lists 7");
    }

    [Test]
    public void ReadingNamesTheCompanionsItUsesAndIgnoresOnesOfAnotherModel()
    {
        var path = CoinTra();
        var run = CliRun.Of("validate", path);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.Contain("read labels from c.lab").And.Contain("read state rewards from c.srew"));
        _dir.Write("c.srew", "9 1\n8 1\n"); // a 9-state model's rewards
        var import = MdpFormats.Load(path);
        Assert.That(import.Document.Rewards, Is.Null);
        Assert.That(import.Notes, Has.Some.Contains("ignored c.srew: its header declares 9 states, the model has 4"));
    }

    [Test]
    public void APrismExportRemovesTheCompanionsOfAnEarlierExport()
    {
        var tra = _dir.PathOf("x.tra");
        // First a model with rewards and labels, then one with neither, over it.
        var withBoth = _dir.Write("both.json", Example("coin.json"));
        Assert.That(CliRun.Of("convert", withBoth, tra).ExitCode, Is.EqualTo(0));
        Assert.That(File.Exists(_dir.PathOf("x.srew")) && File.Exists(_dir.PathOf("x.lab")), Is.True);
        var refused = CliRun.Of("convert", "grid3", tra);
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.ErrLines[^1], Does.StartWith("error: ").And.Contain("x.tra").And.Contain("--force"));
        var run = CliRun.Of("convert", "grid3", tra, "--force");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(File.Exists(_dir.PathOf("x.srew")), Is.False, "the stale rewards must go");
        Assert.That(File.Exists(_dir.PathOf("x.lab")), Is.False, "the stale labels must go");
        Assert.That(run.Err, Does.Contain("removed " + _dir.PathOf("x.srew")).And.Contain("removed " + _dir.PathOf("x.lab")));
        var back = MdpFormats.Load(tra);
        Assert.That(back.Document.Rewards, Is.Null);
        Assert.That(back.Mdp.StateCount, Is.EqualTo(BuiltInEnvironments.Create("grid3").StateCount));
        // The library's Save does the same.
        MdpFormats.Save(MdpJson.Load(withBoth), tra, MdpFormat.Prism);
        var saved = MdpFormats.Save(new MdpDocument(BuiltInEnvironments.Create("grid3")), tra, MdpFormat.Prism);
        Assert.That(saved.Removed.Select(Path.GetFileName), Is.EquivalentTo(new[] { "x.lab", "x.srew" }));
    }

    [TestCase("go//left", "'//'")]
    [TestCase("go left", "white space")]
    public void ActionNamesTheLineFormatsCannotCarryAreRefusedAtExport(string action, string why)
    {
        var mdp = new MdpBuilder("m").AddStates("a").AddAction("a", action, "a").Build();
        var json = _dir.Write("m.json", MdpJson.ToJson(new MdpDocument(mdp)));
        foreach (var ext in new[] { ".drn", ".tra" })
        {
            var output = _dir.PathOf("m" + ext);
            CliRun.Of("convert", json, output).AssertCleanError(1, $"'{action}'", why, "Rename it");
            Assert.That(File.Exists(output), Is.False);
        }
    }
}

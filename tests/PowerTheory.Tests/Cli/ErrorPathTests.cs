using PowerTheory.Environments;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.Cli;

/// <summary>Every bad input gives exit code 1 and one <c>error: …</c> line naming the problem, never a stack trace.</summary>
public class ErrorPathTests
{
    private TempDirectory _dir = null!;
    private string _figure1 = null!;
    private string _noRewards = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _figure1 = _dir.Write("fig1.json", MdpJson.ToJson(PaperMdps.OptspFigure1()));
        _noRewards = _dir.Write("gos.json", MdpJson.ToJson(PaperMdps.GambleOrSafe()));
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void MissingMdpFile() =>
        CliRun.Of("values", _dir.PathOf("nope.json"), "-g", "0.5", "-r", "*=1")
            .AssertCleanError(1, "nope.json", "does not exist");

    [Test]
    public void MdpArgumentIsADirectory() =>
        CliRun.Of("validate", _dir.Path).AssertCleanError(1, "is a directory");

    [Test]
    public void MalformedMdpJson()
    {
        var path = _dir.Write("bad.json", "{\n  \"states\": [\"a\",\n  \"transitions\": }");
        CliRun.Of("validate", path).AssertCleanError(1, "bad.json", "malformed JSON", "line");
        CliRun.Of("values", path, "-g", "0.5", "-r", "a=1").AssertCleanError(1, "bad.json", "malformed JSON");
    }

    [Test]
    public void InvalidMdpRowSumNamesStateAndAction()
    {
        var path = _dir.Write("rows.json",
            """{"states":["s","t"],"transitions":{"s":{"go":{"t":0.5,"s":0.4}},"t":{"stay":"t"}}}""");
        CliRun.Of("validate", path).AssertCleanError(1, "rows.json", "'s'", "'go'");
    }

    [Test]
    public void MdpWithUnknownSuccessorNamesIt()
    {
        var path = _dir.Write("succ.json", """{"states":["s"],"transitions":{"s":{"go":"ghost"}}}""");
        CliRun.Of("validate", path).AssertCleanError(1, "ghost");
    }

    [TestCase("1.5", "got 1.5")]
    [TestCase("1", "got 1")]
    [TestCase("-0.1", "got -0.1")]
    [TestCase("abc", "'abc'")]
    [TestCase("NaN", "'NaN'")]
    public void GammaOutOfRangeOrNotANumber(string gamma, string fragment) =>
        CliRun.Of("values", _figure1, "--gamma", gamma, "-r", "*=1").AssertCleanError(1, "--gamma", fragment);

    [Test]
    public void GammaMissingWhenFileHasNone() =>
        CliRun.Of("values", _figure1, "-r", "*=1").AssertCleanError(1, "--gamma", "required");

    [Test]
    public void GammaOneInFileNeedsOption()
    {
        var path = _dir.Write("g1.json", MdpJson.ToJson(new MdpDocument(PaperMdps.GambleOrSafe(), gamma: 1.0)));
        CliRun.Of("values", path, "-r", "*=1").AssertCleanError(1, "gamma", "[0, 1)", "--gamma");
    }

    [Test]
    public void UnknownStateInRewardVector() =>
        CliRun.Of("values", _figure1, "-g", "0.5", "-r", "ghost=1,*=0").AssertCleanError(1, "--reward-vector", "'ghost'");

    [Test]
    public void MissingStatesInRewardVectorAreNamed() =>
        CliRun.Of("values", _noRewards, "-g", "0.5", "-r", "s0=1,t1=2").AssertCleanError(1, "'t2'", "'t3'");

    [Test]
    public void DuplicateStateInRewardVector() =>
        CliRun.Of("values", _noRewards, "-g", "0.5", "-r", "s0=1,s0=2,*=0").AssertCleanError(1, "'s0'", "twice");

    [TestCase("s0", "'s0'")]
    [TestCase("s0=x,*=0", "'x'")]
    [TestCase("s0=NaN,*=0", "'NaN'")]
    [TestCase("s0=1,,*=0", "empty entry")]
    public void MalformedRewardVector(string vector, string fragment) =>
        CliRun.Of("values", _noRewards, "-g", "0.5", "-r", vector).AssertCleanError(1, "--reward-vector", fragment);

    [Test]
    public void NoRewardGivenAnywhere() =>
        CliRun.Of("values", _noRewards, "-g", "0.5").AssertCleanError(1, "--reward-vector", "--rewards");

    [Test]
    public void BothRewardOptions()
    {
        var file = _dir.Write("r.json", """{"*": 0}""");
        CliRun.Of("values", _noRewards, "-g", "0.5", "-r", "*=1", "--rewards", file)
            .AssertCleanError(1, "--reward-vector", "--rewards", "not both");
    }

    [Test]
    public void RewardsFileMissing() =>
        CliRun.Of("values", _noRewards, "-g", "0.5", "--rewards", _dir.PathOf("none.json"))
            .AssertCleanError(1, "--rewards", "none.json", "does not exist");

    [Test]
    public void RewardsFileMalformed()
    {
        var file = _dir.Write("r.json", """{"s0": 1, """);
        CliRun.Of("values", _noRewards, "-g", "0.5", "--rewards", file).AssertCleanError(1, "--rewards", "malformed JSON");
    }

    [Test]
    public void RewardsFileNotAnObject()
    {
        var file = _dir.Write("r.json", "[1, 2, 3, 4]");
        CliRun.Of("values", _noRewards, "-g", "0.5", "--rewards", file).AssertCleanError(1, "--rewards", "object");
    }

    [Test]
    public void RewardsFileWithNonNumber()
    {
        var file = _dir.Write("r.json", """{"s0": "high", "*": 0}""");
        CliRun.Of("values", _noRewards, "-g", "0.5", "--rewards", file).AssertCleanError(1, "'s0'", "finite number");
    }

    [Test]
    public void RewardsFileWithUnknownState()
    {
        var file = _dir.Write("r.json", """{"ghost": 1, "*": 0}""");
        CliRun.Of("values", _noRewards, "-g", "0.5", "--rewards", file).AssertCleanError(1, "'ghost'");
    }

    [Test]
    public void UnknownFormat() =>
        CliRun.Of("values", _figure1, "-g", "0.5", "-r", "*=1", "--format", "xml").AssertCleanError(1, "--format", "'xml'");

    [Test]
    public void UnknownMethod() =>
        CliRun.Of("values", _figure1, "-g", "0.5", "-r", "*=1", "--method", "magic").AssertCleanError(1, "--method", "'magic'");

    [Test]
    public void NonPositiveAccuracy() =>
        CliRun.Of("values", _figure1, "-g", "0.5", "-r", "*=1", "-m", "value-iteration", "--accuracy", "0")
            .AssertCleanError(1, "--accuracy", "'0'");

    [Test]
    public void UnknownOption() =>
        CliRun.Of("values", _figure1, "--frobnicate").AssertCleanError(1, "--frobnicate");

    [Test]
    public void UnknownCommand() => CliRun.Of("frobnicate").AssertCleanError(1, "frobnicate");

    [Test]
    public void NoCommand() => CliRun.Of().AssertCleanError(1, "powertheory --help");

    [Test]
    public void MissingMdpArgument() => CliRun.Of("values").AssertCleanError(1, "values");

    [Test]
    public void OptionWithoutValue() =>
        CliRun.Of("values", _figure1, "--gamma").AssertCleanError(1, "--gamma");

    [Test]
    public void ResultsNeverGoToStdoutOnError()
    {
        var run = CliRun.Of("values", _figure1, "-g", "2", "-r", "*=1", "-f", "json");
        run.AssertCleanError(1, "--gamma");
        Assert.That(run.Out, Is.Empty);
    }
}

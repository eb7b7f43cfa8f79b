using PowerTheory.Cli;
using PowerTheory.Cli.Common;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Power;
using PowerTheory.Environments;
using PowerTheory.Rewards;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests.Cli;

/// <summary>Issue #12 item 7: the command-line cases of the adversarial pass, one test each.</summary>
public class PolishTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void InvalidUtf8InAnMdpFileIsRefusedNamingTheLine()
    {
        var bytes = "{\"states\":[\"a\"],\n\"transitions\":{\"a\":{\"stay\":\"a\"}},\n\"labels\":{\"a\":\"caf"u8.ToArray()
            .Concat(new byte[] { 0xE9 }).Concat("\"}}"u8.ToArray()).ToArray(); // Latin-1 'é', not UTF-8
        var path = _dir.PathOf("latin1.json");
        File.WriteAllBytes(path, bytes);
        CliRun.Of("validate", path).AssertCleanError(1, "latin1.json", "line 3:", "invalid UTF-8 byte 0xE9");
    }

    [Test]
    public void InvalidUtf8InARewardsFileIsRefusedNamingTheLine()
    {
        var path = _dir.PathOf("r.json");
        File.WriteAllBytes(path, "{\n\"t\": 1 }\xff"u8.ToArray().Concat(new byte[] { 0xFF }).ToArray());
        CliRun.Of("values", "terminal", "-g", "0.5", "--rewards", path).AssertCleanError(1, "--rewards", "line 2:", "invalid UTF-8");
    }

    [Test]
    public void PowerTextUsesSignificantDigitsForTinyAndHugeScales()
    {
        var tiny = CliRun.Of("power", "terminal-options-3", "-g", "0.5", "-n", "200", "--reward", "uniform(0,1e-20)");
        Assert.That(tiny.ExitCode, Is.EqualTo(0), tiny.Err);
        Assert.That(tiny.Out, Does.Not.Contain("0.00000"));
        Assert.That(tiny.Out, Does.Match(@"\d\.\d{4}E-21"));
        var huge = CliRun.Of("power", "terminal-options-3", "-g", "0.5", "-n", "200", "--reward", "uniform(0,1e25)");
        Assert.That(huge.ExitCode, Is.EqualTo(0), huge.Err);
        Assert.That(huge.Out, Does.Not.Match(@"\d{12,}"), "no 26-digit numbers");
        Assert.That(huge.Out, Does.Match(@"\d\.\d{4}E\+24"));
    }

    [Test]
    public void ProgressIsReportedAfterEveryBlockAndDrawnAtLeastEverySecond()
    {
        // Engine: one report per block (block size 256), increasing, the last one complete.
        var mdp = BuiltInEnvironments.Create("grid3");
        var reports = new List<long>();
        var progress = new SynchronousProgress(p => { lock (reports) reports.Add(p.Completed); });
        new PowerEstimator(mdp, RewardDistribution.Parse("uniform(0,1)", mdp))
            .Estimate(0.5, new PowerOptions { Samples = 256 * 40, BlockSize = 256, Threads = 2, Progress = progress });
        Assert.That(reports, Has.Count.EqualTo(40));
        Assert.That(reports.Max(), Is.EqualTo(256 * 40));
        // Bar: with blocks every 0.3 s it draws the first frame, then one at least each second, and the last.
        var clock = TimeSpan.Zero;
        using var error = new StringWriter();
        var bar = new ProgressBar(error, clock: () => clock);
        for (int b = 1; b <= 10; b++)
        {
            clock = TimeSpan.FromSeconds(0.3 * b);
            bar.Report(new MonteCarloProgress(b * 100, 1000));
        }
        Assert.That(bar.Frames, Is.EqualTo(4)); // at 0.3 s, 1.5 s, 2.7 s and the final 3.0 s
        // Slow blocks (2 s each) are all drawn.
        var slow = new ProgressBar(TextWriter.Null, clock: () => clock);
        for (int b = 1; b <= 5; b++)
        {
            clock = TimeSpan.FromSeconds(2.0 * b);
            slow.Report(new MonteCarloProgress(b, 5));
        }
        Assert.That(slow.Frames, Is.EqualTo(5));
    }

    [Test]
    public void NegativeSeedNamesSeed() =>
        CliRun.Of("power", "grid3", "-g", "0.5", "--seed", "-5").AssertCleanError(1, "--seed must be a whole number", "'-5'");

    [Test]
    public void RewardStateWithoutALawNamesRewardState() =>
        CliRun.Of("power", "optsp-fig1", "-g", "0.5", "--reward-state", "star").AssertCleanError(1, "--reward-state must be STATE=LAW", "'star'");

    [Test]
    public void TieOfOneStateNamesTie()
    {
        var run = CliRun.Of("power", "optsp-fig1", "-g", "0.5", "--tie", "star");
        run.AssertCleanError(1, "--tie 'star'");
        Assert.That(run.Err, Does.Not.StartWith("error: --reward:"));
    }

    [TestCase("1")]
    [TestCase("0")]
    public void VerticesGammaEndpointSaysTheOpenInterval(string gamma) =>
        CliRun.Of("vertices", "grid3", "--state", "r0c0", "-g", gamma).AssertCleanError(1, "--gamma must be in (0, 1) for vertices", "--average");

    [Test]
    public void RewardsPointingAtADirectoryOrAnMdpFileSaySo()
    {
        CliRun.Of("values", "terminal", "-g", "0.5", "--rewards", _dir.Path).AssertCleanError(1, "--rewards", "is a directory");
        var mdpFile = _dir.Write("m.json", MdpJson.ToJson(BuiltInEnvironments.Create("terminal")));
        CliRun.Of("values", "terminal", "-g", "0.5", "--rewards", mdpFile).AssertCleanError(1, "--rewards", "is an MDP file");
    }

    [Test]
    public void AFullStandardOutputIsNamed()
    {
        using var stderr = new StringWriter();
        int code = CliApp.Run(["env", "list"], new FullWriter(), stderr);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.ToString().Trim(), Does.StartWith("error: cannot write to standard output: No space left on device"));
    }

    [Test]
    public void AccuracyWithAnExactMethodIsNoted()
    {
        var run = CliRun.Of("values", "terminal", "-g", "0.5", "-r", "t=1", "--accuracy", "1e-3");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.Contain("--accuracy applies to value-iteration only"));
        var vi = CliRun.Of("values", "terminal", "-g", "0.5", "-r", "t=1", "--accuracy", "1e-3", "-m", "value-iteration");
        Assert.That(vi.Err, Does.Not.Contain("--accuracy"));
    }

    [TestCase("JSON")]
    [TestCase("Csv")]
    [TestCase("TEXT")]
    public void FormatIsCaseInsensitive(string format) =>
        Assert.That(CliRun.Of("validate", "grid3", "-f", format).ExitCode, Is.EqualTo(0));

    [Test]
    public void PowerHelpListsEveryLaw()
    {
        var help = CliRun.Of("power", "--help").Out;
        foreach (var law in new[] { "uniform", "beta", "triangular", "bernoulli", "point", "normal", "exponential", "discrete" })
            Assert.That(help, Does.Contain(law + "("), law);
    }

    [Test]
    public void CliDocsListEveryMethod()
    {
        var docs = File.ReadAllText(PowerTheory.Tests.IO.Formats.RepoFiles.Path("docs/cli.md"));
        foreach (var method in SolverMethod.Names) Assert.That(docs, Does.Contain(method), method);
    }

    [Test]
    public void StateNamesWithOuterSpacesAreRefused()
    {
        var path = _dir.Write("sp.json", """{"states":["a "],"transitions":{"a ":{"stay":"a "}}}""");
        CliRun.Of("validate", path).AssertCleanError(1, "sp.json", "'a '", "leading or trailing white space");
        Assert.Throws<MdpValidationException>(() => new MdpBuilder().AddState(" b").AddAction(" b", "stay", " b").Build());
    }

    private sealed class SynchronousProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }

    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }
}

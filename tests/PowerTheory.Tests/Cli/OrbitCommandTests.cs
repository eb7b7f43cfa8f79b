using System.Text.Json;
using PowerTheory.Budgets;
using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory orbit</c>: output checked against the Pac-Man counts (docs/theory.md §4.3), the library, and
/// brute-force fractions; every bad input is one clean error line.</summary>
public class OrbitCommandTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static JsonElement Json(CliRun run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    [TestCase("optimal")]
    [TestCase("antiopt")]
    [TestCase("boltzmann:T=1")]
    public void PacManJsonHasFourToTwoAndNTwo(string rule)
    {
        var root = Json(CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", rule, "--format", "json"));
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("method").GetString(), Is.EqualTo("enumerated"));
            Assert.That(root.GetProperty("exact").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("orbitSize").GetInt64(), Is.EqualTo(6));
            Assert.That(root.GetProperty("counts").GetProperty("bGreater").GetInt64(), Is.EqualTo(4));
            Assert.That(root.GetProperty("counts").GetProperty("aGreater").GetInt64(), Is.EqualTo(2));
            Assert.That(root.GetProperty("counts").GetProperty("ties").GetInt64(), Is.EqualTo(0));
            Assert.That(root.GetProperty("largestN").GetInt64(), Is.EqualTo(2));
            Assert.That(root.GetProperty("impliedFraction").GetDouble(), Is.EqualTo(2.0 / 3));
            Assert.That(root.GetProperty("intervals").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void SatisficeIsUnboundedAndSaysSo()
    {
        var root = Json(CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "satisfice:t=3", "-f", "json"));
        Assert.That(root.GetProperty("largestN").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("largestNUnbounded").GetBoolean(), Is.True);
        var text = CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "satisfice:t=3");
        Assert.That(text.Out, Does.Contain("unbounded"));
    }

    [Test]
    public void SearchCertifiesTheMontezumaCaseInJsonAndText()
    {
        string[] args = ["orbit", "--theta", "3,-1,7,2.5,0", "--a", "0", "--b", "1,2,3,4", "--rule", "optimal", "--search"];
        var root = Json(CliRun.Of([.. args, "-f", "json"]));
        var retargeting = root.GetProperty("retargeting");
        Assert.Multiple(() =>
        {
            Assert.That(retargeting.GetProperty("n").GetInt32(), Is.EqualTo(4));
            Assert.That(retargeting.GetProperty("provedMaximal").GetBoolean(), Is.True);
            Assert.That(retargeting.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("verdict").GetString()),
                Is.All.EqualTo("holds"));
        });
        var text = CliRun.Of(args);
        Assert.That(text.Out, Does.Contain("certified n = 4").And.Contain("fraction n/(n+1) = 0.8"));
    }

    [Test]
    public void LargeOrbitIsSampledWithIntervalsCoveringTheExactShare()
    {
        // 9 distinct utilities, e0 best in exactly 1/9 of the 9! orbit; 3000 nodes force sampling.
        var root = Json(CliRun.Of("orbit", "--theta", "1,2,3,4,5,6,7,8,9", "--a", "0", "--b", "1,2,3,4,5,6,7,8",
            "--rule", "fracoptimal", "--budget", "3000", "--seed", "5", "-f", "json"));
        var aGreater = root.GetProperty("intervals").GetProperty("aGreater");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("method").GetString(), Is.EqualTo("sampled"));
            Assert.That(root.GetProperty("exact").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("seed").GetInt32(), Is.EqualTo(5));
            Assert.That(root.GetProperty("examined").GetInt64(), Is.EqualTo(3000));
            Assert.That(aGreater.GetProperty("lower").GetDouble(), Is.LessThanOrEqualTo(1.0 / 9), "seed 5");
            Assert.That(aGreater.GetProperty("upper").GetDouble(), Is.GreaterThanOrEqualTo(1.0 / 9), "seed 5");
        });
    }

    [Test]
    public void LotteriesFileMatchesTheLibrary()
    {
        var file = _dir.Write("lotteries.txt", "# three lotteries over 3 outcomes\nghost: 1,0,0\nmix: 0,0.5,0.5\ncherry: 0,0,1\n");
        var root = Json(CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "optimal", "--lotteries", file, "-f", "json"));
        var options = new LotterySet([new OutcomeLottery([1, 0, 0]), new OutcomeLottery([0, 0.5, 0.5]), new OutcomeLottery([0, 0, 1])], 3);
        var expected = OrbitCounter.Count(new RetargetingQuestion(options, new LotterySet([options.Items[0]], 3),
            new LotterySet([options.Items[1], options.Items[2]], 3), new IsOptimalRule()), [10, 5, 0], SearchBudget.Default);
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("counts").GetProperty("bGreater").GetInt64(), Is.EqualTo(expected.BWins));
            Assert.That(root.GetProperty("counts").GetProperty("aGreater").GetInt64(), Is.EqualTo(expected.AWins));
            Assert.That(root.GetProperty("a")[0].GetString(), Is.EqualTo("ghost"));
        });
    }

    [TestCase("--rule", "boltzmann", "--rule", "T=")]
    [TestCase("--rule", "softmax:T=1", "--rule", "optimal, fracoptimal")]
    [TestCase("--rule", "quantiliser:q=2", "--rule", "(0, 1]")]
    [TestCase("--rule", "best-of:k=1.5", "--rule", "whole number")]
    [TestCase("--theta", "1,x,3", "--theta", "entry 1")]
    [TestCase("--a", "3", "--a", "0..2")]
    [TestCase("--b", "1,1", "--b", "twice")]
    [TestCase("--budget", "0", "--budget", "a whole number in [1, 9223372036854775807]; got '0'")]
    [TestCase("--format", "csv", "--format", "csv")]
    [TestCase("--candidates", "some", "--candidates", "transpositions")]
    public void BadOptionsAreOneCleanError(string option, string value, string named, string fragment)
    {
        var args = new Dictionary<string, string> { ["--theta"] = "10,5,0", ["--a"] = "0", ["--b"] = "1,2", ["--rule"] = "optimal" };
        args[option] = value;
        CliRun.Of(["orbit", .. args.SelectMany(p => new[] { p.Key, p.Value })]).AssertCleanError(1, named, fragment);
    }

    [Test]
    public void BadLotteriesFileNamesTheLine()
    {
        var file = _dir.Write("bad.txt", "1,0,0\n0,1\n");
        CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1", "--rule", "optimal", "--lotteries", file)
            .AssertCleanError(1, "bad.txt", "line 2", "expected d = 3");
        CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1", "--rule", "optimal", "--lotteries", _dir.PathOf("none.txt"))
            .AssertCleanError(1, "--lotteries", "none.txt");
    }

    [Test]
    public void MissingRequiredOptionIsAUsageError() =>
        CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--rule", "optimal").AssertCleanError(1, "--b");

    [Test]
    public void CheckGivenPermutationsReportsEachCondition()
    {
        var ok = CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "optimal", "--check", "(0 1);(0 2)", "-f", "json");
        Assert.That(ok.ExitCode, Is.EqualTo(0), ok.Err);
        using (var doc = System.Text.Json.JsonDocument.Parse(ok.Out))
        {
            var check = doc.RootElement.GetProperty("check");
            Assert.That(check.GetProperty("holds").GetBoolean(), Is.True);
            Assert.That(check.GetProperty("n").GetInt32(), Is.EqualTo(2));
        }
        var repeated = CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "optimal", "--check", "(0 1);(0 1)");
        Assert.That(repeated.ExitCode, Is.EqualTo(0), repeated.Err);
        Assert.That(repeated.Out, Does.Contain("NOT certified").And.Contain("[FAIL] (3)"));
        CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "optimal", "--check", "(0 5)").AssertCleanError(1, "--check", "'5'");
        CliRun.Of("orbit", "--theta", "10,5,0", "--a", "0", "--b", "1,2", "--rule", "optimal", "--check", "0 1").AssertCleanError(1, "--check", "cycle notation");
    }
}

using System.Text.Json;
using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Power;

namespace PowerTheory.Tests.Cli;

/// <summary><c>--seconds</c> on the Monte Carlo commands and the memory estimate of a POWER run: a run stopped by its
/// time limit prints what it used on stderr and in its JSON; one that cannot give two samples is refused in one line;
/// a run whose memory estimate is over the limit is refused before it allocates.</summary>
public class TimeLimitCommandTests
{
    [Test]
    public void PowerStoppedByItsTimeLimitSaysSoAndReportsTheSamplesUsed()
    {
        var run = CliRun.Of("power", "map20", "-g", "0.9", "-n", "100000000", "--seconds", "0.5", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.Contain("warning: --seconds 0.5 ran out after").And.Contain("of 100000000 samples").And.Contain("stop: time-budget"));
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("stop").GetString(), Is.EqualTo("time-budget"));
        Assert.That(root.GetProperty("samplesRequested").GetInt64(), Is.EqualTo(100_000_000));
        long used = root.GetProperty("samples").GetInt64();
        Assert.That(used, Is.InRange(2, 99_999_999));
        Assert.That(run.Err, Does.Contain($"after {used} of"));
    }

    [Test]
    public void TendenciesStoppedByItsTimeLimitSaysSo()
    {
        var run = CliRun.Of("tendencies", "optsp-fig1", "--state", "star", "-g", "0.9", "-n", "100000000", "--seconds", "0.5", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.Contain("ran out after").And.Contain("stop: time-budget"));
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetProperty("stop").GetString(), Is.EqualTo("time-budget"));
    }

    [Test]
    public void ALimitTooShortForTwoSamplesIsRefusedInOneLine()
    {
        // γ = 1 on a 10⁵-cell stochastic chain: one sample takes 1.5–3 s, so 0.2 s finishes none.
        using var dir = new TempDirectory();
        string path = dir.PathOf("chain.json");
        PowerTheory.IO.Formats.MdpJson.Save(StochasticChain.Create(100_000), path);
        var run = CliRun.Of("power", path, "-g", "1", "-n", "4", "--seconds", "0.2");
        run.AssertCleanError(2, "time limit of 0.2 s ran out after 0 finished samples", "--seconds");
    }

    [Test]
    public void ValuesStopsASolveThatOutlastsItsLimit()
    {
        // Value iteration at γ = 1 − 10⁻⁶ to accuracy 10⁻⁶ needs about 2·10⁷ sweeps of 90,000 states: hours, not 1 s.
        var run = CliRun.Of("values", "open:rows=300,cols=300", "-g", "0.999999", "-m", "value-iteration", "--accuracy", "1e-6",
            "-r", "r0c0=1,*=0", "--seconds", "1");
        run.AssertCleanError(2, "did not finish within --seconds 1", "nothing was printed");
        Assert.That(run.Out, Is.Empty);
        var quick = CliRun.Of("values", "optsp-fig1", "-g", "0.5", "-r", "*=1", "--seconds", "60", "-f", "csv");
        Assert.That(quick.ExitCode, Is.EqualTo(0), quick.Err);
    }

    [Test]
    public void APowerRunOverTheMemoryLimitIsRefusedBeforeItAllocates()
    {
        // 1024 workers and ten γ on a 90,000-state grid: the partial sums of a wave of 3,907 blocks alone are about
        // 200 GB, beyond any machine this runs on.
        var mdp = BuiltInEnvironments.Create("open:rows=300,cols=300");
        var gammas = Enumerable.Range(1, 10).Select(i => i / 11.0).ToArray();
        var options = new PowerOptions { Samples = 1_000_000, Threads = 1024 };
        Assume.That(MemoryBudget.Fits(200e9), Is.False);
        var e = Assert.Throws<MemoryBudgetExceededException>(() => new PowerEstimator(mdp).Estimate(gammas, options));
        Assert.That(e!.Message, Does.Contain("POWER run on 90000 states").And.Contain("1024 worker threads").And.Contain("--threads"));
    }

    [Test]
    public void AnExportTooLargeToHoldIsRefusedBeforeItIsRendered()
    {
        // A 700×700 grid in POWERplay's .gv form is about 1.2·10⁹ characters (measured: 162 bytes per transition on a
        // 300×300 grid; 2.4·10⁶ transitions here): above what one export can hold, so it is refused, nothing written.
        using var dir = new TempDirectory();
        string path = dir.PathOf("big.gv");
        var run = CliRun.Of("convert", "open:rows=700,cols=700", path);
        run.AssertCleanError(2, "one export holds its whole text in memory", "more compact format");
        Assert.That(File.Exists(path), Is.False);
        var small = CliRun.Of("convert", "open:rows=30,cols=30", dir.PathOf("small.gv"));
        Assert.That(small.ExitCode, Is.EqualTo(0), small.Err);
    }

    [Test]
    public void ADenseRecurrentClassTooLargeIsRefusedInOneLine()
    {
        // The whole slippery 300×300 grid is one recurrent class under a policy that stays in it: its stationary
        // distribution by a dense solve needs 8·(9·10⁴)² bytes twice — it used to overflow the matrix index and print
        // ".NET: Arithmetic operation resulted in an overflow".
        Assume.That(MemoryBudget.Fits(120e9), Is.False);
        var run = CliRun.Of("symmetry", "open:rows=300,cols=300,slip=0.1", "--state", "r0c0", "--avoid", "r299c299", "--seconds", "5");
        run.AssertCleanError(2, "stationary-distribution system of a recurrent class of 90000 states", "needs an estimated");
    }
}

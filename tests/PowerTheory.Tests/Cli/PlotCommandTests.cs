using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Plotting;
using PowerTheory.Power;
using PowerTheory.Tests.Plotting;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory plot …</c>: figures written where asked, with the <c>power</c> command's numbers, and one-line
/// errors for what cannot be drawn.</summary>
public class PlotCommandTests
{
    [Test]
    public void PowerMapWritesAPngOfTheRequestedSize()
    {
        using var dir = new TempDirectory();
        var out_ = dir.PathOf("figs/grid3.png");
        // The output-file rule: a missing directory is refused (and not created), an existing file needs --force.
        string[] args = ["plot", "power-map", "grid3", "-g", "0.6", "-n", "500", "-o", out_, "--width", "500", "--height", "400"];
        CliRun.Of(args).AssertCleanError(1, "--out", "does not exist");
        Assert.That(Directory.Exists(dir.PathOf("figs")), Is.False);
        Directory.CreateDirectory(dir.PathOf("figs"));
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        CliRun.Of(args).AssertCleanError(1, "already exists", "--force");
        Assert.That(CliRun.Of([.. args, "--force"]).ExitCode, Is.EqualTo(0));
        CliRun.Of("plot", "power-map", "grid3", "-g", "0.6", "-n", "50", "-o", "/proc/x.png").AssertCleanError(1, "--out '/proc/x.png'");
        Assert.That(run.Out.Trim(), Is.EqualTo($"wrote {out_}: POWER map of grid3 (3x3 grid, 9 states)"));
        var (w, h, variance) = ImageCheck.Png(out_);
        Assert.That((w, h), Is.EqualTo((500, 400)));
        Assert.That(variance, Is.GreaterThan(50));
    }

    [Test]
    public void PowerMapSvgShowsTheSameNumbersAsTheLibrary()
    {
        using var dir = new TempDirectory();
        var out_ = dir.PathOf("grid3.svg");
        var run = CliRun.Of("plot", "power-map", "grid3", "-g", "0.6", "-n", "800", "-s", "3", "-o", out_);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var mdp = BuiltInEnvironments.Create("grid3");
        var expected = new PowerEstimator(mdp).Estimate(0.6, new PowerOptions { Samples = 800, Seed = 3 });
        var texts = ImageCheck.SvgTexts(out_);
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(texts, Does.Contain(expected.Power(s).Mean.ToString("F3", CultureInfo.InvariantCulture)));
        Assert.That(texts, Has.Some.StartsWith("POWER at γ = 0.6 (uniform(0,1), 800 samples)"));
    }

    [Test]
    public void CurveAndOptimalityFiguresNameTheirStates()
    {
        using var dir = new TempDirectory();
        var curve = CliRun.Of("plot", "power-curve", "optsp-fig1", "--states", "star,l_sw", "-g", "0.2,0.8", "-n", "300",
            "-o", dir.PathOf("c.svg"), "--title", "my curves");
        Assert.That(curve.ExitCode, Is.EqualTo(0), curve.Err);
        Assert.That(ImageCheck.SvgTexts(dir.PathOf("c.svg")), Does.Contain("my curves").And.Contain("star").And.Contain("l_sw"));
        var bars = CliRun.Of("plot", "optimality", "optsp-fig1", "--states", "star", "-g", "0.9", "-n", "300", "-o", dir.PathOf("o.png"));
        Assert.That(bars.ExitCode, Is.EqualTo(0), bars.Err);
        Assert.That(ImageCheck.Png(dir.PathOf("o.png")).Width, Is.EqualTo(800));
    }

    [Test]
    public void WhatCannotBeDrawnIsRefusedInOneLine()
    {
        using var dir = new TempDirectory();
        CliRun.Of("plot", "power-map", "optsp-fig1", "-g", "0.5", "-o", dir.PathOf("m.png"))
            .AssertCleanError(1, "is not a gridworld cell", "r{row}c{col}");
        CliRun.Of("plot", "power-map", "grid3", "-g", "0.5", "-o", dir.PathOf("m.jpg")).AssertCleanError(1, "'.jpg'", ".png or .svg");
        CliRun.Of("plot", "power-map", "grid3", "-g", "0.5,0.6", "-o", dir.PathOf("m.png")).AssertCleanError(1, "--gamma takes one discount");
        CliRun.Of("plot", "power-map", "grid3", "-g", "0.5", "-o", dir.PathOf("m.png"), "--width", "20").AssertCleanError(1, "width", "[100, 10000]");
        CliRun.Of("plot", "optimality", "optsp-fig1", "-g", "0.5", "--states", "nowhere", "-o", dir.PathOf("m.png"))
            .AssertCleanError(1, "unknown state 'nowhere'");
        CliRun.Of("plot", "power-curve", "optsp-fig1", "--states", "star,star", "-o", dir.PathOf("m.png"))
            .AssertCleanError(1, "'star' is named twice");
        CliRun.Of("plot", "power-curve", "optsp-fig1", "-o", dir.PathOf("m.png")).AssertCleanError(1, "--states");
        CliRun.Of("plot", "diagram", "optsp-fig1", "-o", dir.PathOf("m.png")).AssertCleanError(1, ".dot, .gv or .svg");
        Assert.That(Directory.EnumerateFiles(dir.Path), Is.Empty);
    }

    [Test]
    public void DiagramWritesDotAndSaysHowToInstallGraphvizWhenSvgCannotBeRendered()
    {
        using var dir = new TempDirectory();
        var dot = CliRun.Of("plot", "diagram", "gamble-or-safe", "-o", dir.PathOf("g.dot"));
        Assert.That(dot.ExitCode, Is.EqualTo(0), dot.Err);
        Assert.That(File.ReadAllText(dir.PathOf("g.dot")), Is.EqualTo(MdpDiagram.ToDot(PaperMdps.GambleOrSafe())));
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", dir.Path); // no 'dot' here
            CliRun.Of("plot", "diagram", "gamble-or-safe", "-o", dir.PathOf("h.svg"))
                .AssertCleanError(1, "Graphviz 'dot' is not on the PATH", "apt-get install graphviz", dir.PathOf("h.dot"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
        Assert.That(File.Exists(dir.PathOf("h.dot")), Is.True);
        Assert.That(File.Exists(dir.PathOf("h.svg")), Is.False);
    }

    [Test]
    public void DiagramColouredByPowerRendersToSvgWhenDotIsInstalled()
    {
        GraphvizRequirement.RequireDot();
        using var dir = new TempDirectory();
        var run = CliRun.Of("plot", "diagram", "optsp-fig1", "-g", "0.9", "-n", "300", "-o", dir.PathOf("f.svg"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("coloured by POWER"));
        Assert.That(ImageCheck.SvgTexts(dir.PathOf("f.svg")), Does.Contain("star"));
    }
}

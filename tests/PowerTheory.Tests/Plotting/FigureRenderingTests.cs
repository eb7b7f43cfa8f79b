using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Plotting;
using PowerTheory.Power;
using PowerTheory.Rewards;
using ScottPlot;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests.Plotting;

/// <summary>
/// Figures rendered here, into a temporary folder: each PNG has the requested size and is not blank (its pixels vary),
/// each SVG carries the expected labels, and a heat map's colours follow the POWER values.
/// </summary>
public class FigureRenderingTests
{
    internal const double BlankVariance = 50; // luminance variance (0–255 scale); a white page has 0
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "powertheory-plots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static PowerResult Estimate(string environment, params double[] gammas)
    {
        var mdp = BuiltInEnvironments.Create(environment);
        return new PowerEstimator(mdp, RewardSpecParser.Parse("uniform(0,1)", mdp))
            .Estimate(gammas, new PowerOptions { Samples = 2_000, Seed = 7 });
    }

    private static string F3(double x) => x.ToString("F3", CultureInfo.InvariantCulture);

    [Test]
    public void TheBlankDetectorSeesABlankFigure()
    {
        var blank = new Plot();
        blank.HideAxesAndGrid();
        blank.DataBorder.Width = 0;
        var path = FigureFile.Save(blank, Path.Combine(_folder, "blank.png"), 300, 200);
        Assert.That(ImageCheck.Png(path).LuminanceVariance, Is.LessThan(BlankVariance));
    }

    [Test]
    public void APowerMapPngHasTheRequestedSizeAndIsNotBlank()
    {
        var map = PowerMapPlot.Create(Estimate("maze7", 0.9), 0.9);
        var path = FigureFile.Save(map.Plot, Path.Combine(_folder, "map.png"), 640, 480);
        var (width, height, variance) = ImageCheck.Png(path);
        Assert.That((width, height), Is.EqualTo((640, 480)));
        Assert.That(variance, Is.GreaterThan(BlankVariance));
        Assert.That(map.CellsLabelled, Is.True);
    }

    [Test]
    public void APowerMapSvgLabelsEveryCellWithItsPower()
    {
        var result = Estimate("maze7", 0.6);
        var path = FigureFile.Save(PowerMapPlot.Create(result, 0.6).Plot, Path.Combine(_folder, "map.svg"), 800, 600);
        var texts = ImageCheck.SvgTexts(path);
        var at = result.At(0.6);
        var expected = at.States.Select(s => F3(s.Power.Mean)).ToList();
        var numbers = texts.Where(t => t.Length == 5 && t[1] == '.').ToList();
        foreach (var value in expected.Distinct())
            Assert.That(numbers.Count(t => t == value), Is.GreaterThanOrEqualTo(expected.Count(e => e == value)), value);
        Assert.That(texts, Has.Some.StartsWith("POWER at γ = 0.6 (uniform(0,1), 2000 samples)"));
        Assert.That(texts, Does.Contain("POWER")); // the colour bar
        Assert.That(texts, Does.Contain("column").And.Contain("row"));
    }

    [Test]
    public void HeatMapColoursFollowThePowerValuesAndWallsAreGrey()
    {
        // Viridis brightens monotonically, so a cell's luminance must rank as its POWER does.
        var result = Estimate("maze7", 0.9);
        var map = PowerMapPlot.Create(result, 0.9);
        var path = FigureFile.Save(map.Plot, Path.Combine(_folder, "map.png"), 800, 700);
        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        double Luminance(double x, double y)
        {
            var pixel = map.Plot.GetPixel(new Coordinates(x, y));
            var c = bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
            return 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
        }
        var layout = map.Layout;
        var at = result.At(0.9);
        // A point near each cell's top-left corner, clear of the centred value label.
        var cells = Enumerable.Range(0, result.Mdp.StateCount).Select(s =>
        {
            var (r, c) = layout.CellOf(s);
            return (Power: at.Power(s).Mean, Luminance: Luminance(c + 0.12, layout.Rows - r - 0.12));
        }).OrderBy(x => x.Power).ToList();
        Assert.That(cells[^1].Luminance, Is.GreaterThan(cells[0].Luminance + 50), "brightest vs darkest cell");
        for (int i = 1; i < cells.Count; i++)
            Assert.That(cells[i].Luminance, Is.GreaterThanOrEqualTo(cells[i - 1].Luminance - 3),
                $"POWER {cells[i - 1].Power} → {cells[i].Power}");
        // Cell (1, 1) of the maze is a wall ('#'): light grey (211, 211, 211).
        var wall = map.Plot.GetPixel(new Coordinates(1.5, layout.Rows - 1.5));
        var w = bitmap.GetPixel((int)wall.X, (int)wall.Y);
        Assert.That((w.Red, w.Green, w.Blue), Is.EqualTo(((byte)211, (byte)211, (byte)211)));
    }

    [Test]
    public void PowerCurvesRenderWithEveryStateInTheLegend()
    {
        var result = Estimate("optsp-fig1", 0.1, 0.5, 0.9);
        var plot = PowerCurvePlot.Create(result, ["star", "l_sw", "r_se"]);
        var png = FigureFile.Save(plot, Path.Combine(_folder, "curve.png"), 700, 400);
        var (width, height, variance) = ImageCheck.Png(png);
        Assert.That((width, height), Is.EqualTo((700, 400)));
        Assert.That(variance, Is.GreaterThan(BlankVariance));
        var texts = ImageCheck.SvgTexts(FigureFile.Save(plot, Path.Combine(_folder, "curve.svg"), 700, 400));
        Assert.That(texts, Does.Contain("star").And.Contain("l_sw").And.Contain("r_se"));
        Assert.That(texts, Does.Contain("γ (discount)").And.Contain("POWER (95% band)"));
    }

    [Test]
    public void EstimateCurvesRenderWithTheirSeriesAndReferences()
    {
        var e = (double m) => new MonteCarloEstimate(m, 0.01, 1000);
        var plot = EstimateCurvePlot.Create([-2, -1, 0, 1],
            [("shutdown: P(avoid)", [e(0.8), e(0.75), e(0.6), e(0.5)]), ("Figure 1: P(avoid ∅)", [e(0.9), e(0.85), e(0.7), e(0.6)])],
            "log10 T", "probability (95% band)", "tendency versus temperature", [("optimal", 0.83), ("random", 0.5)]);
        var png = FigureFile.Save(plot, Path.Combine(_folder, "tendency.png"), 700, 400);
        var (width, height, variance) = ImageCheck.Png(png);
        Assert.That((width, height), Is.EqualTo((700, 400)));
        Assert.That(variance, Is.GreaterThan(BlankVariance));
        var texts = ImageCheck.SvgTexts(FigureFile.Save(plot, Path.Combine(_folder, "tendency.svg"), 700, 400));
        Assert.That(texts, Does.Contain("shutdown: P(avoid)").And.Contain("optimal").And.Contain("log10 T"));
        Assert.Throws<ArgumentException>(() => EstimateCurvePlot.Create([1, 2], [("a", [e(0.5)])], "x", "y", "t"));
        Assert.Throws<ArgumentException>(() => EstimateCurvePlot.Create([double.NaN], [("a", [e(0.5)])], "x", "y", "t"));
    }

    [Test]
    public void OptimalityBarsCarryTheProbabilitiesAndTheirErrorBars()
    {
        var result = Estimate("optsp-fig1", 0.9);
        var plot = OptimalityPlot.Create(result, 0.9, ["star", "l_sw"]);
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Single().Bars;
        var mdp = result.Mdp;
        int star = mdp.StateIndex("star");
        Assert.That(bars, Has.Count.EqualTo(mdp.ActionCount(star) + mdp.ActionCount(mdp.StateIndex("l_sw"))));
        // Every sample has an optimal action at each state, so a state's probabilities sum to at least 1.
        Assert.That(bars.Take(mdp.ActionCount(star)).Sum(b => b.Value), Is.GreaterThanOrEqualTo(1 - 1e-12));
        var first = result.At(0.9).OptimalityProbability(star, 0);
        Assert.That(bars[0].Error, Is.EqualTo(MonteCarloEstimate.Z95 * first.StandardError).Within(1e-15));
        var path = FigureFile.Save(plot, Path.Combine(_folder, "optimality.svg"), 800, 500);
        var texts = ImageCheck.SvgTexts(path);
        Assert.That(texts, Does.Contain("star").And.Contain("l_sw"));
        foreach (var action in mdp.ActionNames(star)) Assert.That(texts, Does.Contain(action));
        var (w, h, variance) = ImageCheck.Png(FigureFile.Save(plot, Path.Combine(_folder, "optimality.png"), 800, 500));
        Assert.That((w, h, variance > BlankVariance), Is.EqualTo((800, 500, true)));
    }

    [Test]
    public void FigureFilesRefuseOtherFormatsAndSizes()
    {
        var plot = new Plot();
        var e = Assert.Throws<ArgumentException>(() => FigureFile.Save(plot, Path.Combine(_folder, "x.jpg"), 300, 300));
        Assert.That(e!.Message, Does.Contain("'.jpg'").And.Contain(".png or .svg"));
        Assert.Throws<ArgumentOutOfRangeException>(() => FigureFile.Save(plot, Path.Combine(_folder, "x.png"), 99, 300));
        Assert.That(FigureFile.FormatOf("A.SVG"), Is.EqualTo(FigureFormat.Svg));
    }
}

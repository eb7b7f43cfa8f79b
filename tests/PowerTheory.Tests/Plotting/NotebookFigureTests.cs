using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.Plotting;

/// <summary>
/// The figures the notebooks write (docs/notebooks/figures): every PNG has a plausible size and is not blank (pixel
/// variance), and notebook 04's SVG carries its labels. The notebooks run after the test suite, so `.ci/run` runs this
/// fixture again once they have run, with <c>POWERTHEORY_CHECK_NOTEBOOK_FIGURES=1</c>, which makes missing figures a
/// failure; in the ordinary suite (before any notebook ran) it checks whatever figures exist.
/// </summary>
public class NotebookFigureTests
{
    [Test]
    public void NotebookFiguresHaveTheirSizeAndAreNotBlank()
    {
        string dir = Path.Combine(CliReference.RepositoryRoot(), "docs", "notebooks", "figures");
        var pngs = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.png") : [];
        bool required = Environment.GetEnvironmentVariable("POWERTHEORY_CHECK_NOTEBOOK_FIGURES") == "1";
        if (required)
        {
            foreach (var expected in new[] { "04-power-curve.png", "05-temperature.png", "05-training.png", "05-aup.png" })
                Assert.That(File.Exists(Path.Combine(dir, expected)), Is.True, $"notebook figure {expected} was not written");
            Assert.That(File.Exists(Path.Combine(dir, "04-optimality.svg")), Is.True, "notebook figure 04-optimality.svg was not written");
        }
        foreach (var png in pngs)
        {
            var (width, height, variance) = ImageCheck.Png(png);
            Assert.That(width, Is.GreaterThanOrEqualTo(200), png);
            Assert.That(height, Is.GreaterThanOrEqualTo(150), png);
            Assert.That(variance, Is.GreaterThan(FigureRenderingTests.BlankVariance), $"{png} is blank");
        }
        string svg = Path.Combine(dir, "04-optimality.svg");
        if (File.Exists(svg))
            Assert.That(ImageCheck.SvgTexts(svg), Does.Contain("gamble").And.Contain("safe"));
    }
}

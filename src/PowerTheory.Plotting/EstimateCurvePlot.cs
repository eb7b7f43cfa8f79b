using PowerTheory.Power;
using ScottPlot;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Plotting;

/// <summary>
/// Monte Carlo estimates against a parameter (a temperature, a training budget, a penalty weight, …): one line per
/// series through the means, with a shaded 95% band mean ± 1.96·stderr (<see cref="MonteCarloEstimate.Ci95Lower"/>..
/// <see cref="MonteCarloEstimate.Ci95Upper"/>), and optional horizontal reference lines (e.g. the optimal and the random
/// agents' figures). Used for tendency curves (docs/beyond-optimality.md).
/// </summary>
public static class EstimateCurvePlot
{
    /// <summary>Draws the curves.</summary>
    /// <param name="xs">The parameter values (at least one, finite, as they should be placed: pass log₁₀ values for a log
    /// axis and say so in <paramref name="xLabel"/>).</param>
    /// <param name="series">Named series, each with one estimate per x; at most <see cref="FigurePalette.Size"/>.</param>
    /// <param name="xLabel">The x-axis label.</param>
    /// <param name="yLabel">The y-axis label.</param>
    /// <param name="title">The title.</param>
    /// <param name="references">Optional named horizontal lines (dashed), e.g. ("optimal", 0.83).</param>
    /// <exception cref="ArgumentException">No x, a non-finite x, no series, too many, or a series of the wrong length.</exception>
    public static Plot Create(IReadOnlyList<double> xs, IReadOnlyList<(string Name, IReadOnlyList<MonteCarloEstimate> Estimates)> series,
        string xLabel, string yLabel, string title, IReadOnlyList<(string Name, double Value)>? references = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(series);
        if (xs.Count == 0 || xs.Any(x => !double.IsFinite(x)))
            throw new ArgumentException("xs needs at least one value, all finite.", nameof(xs));
        if (series.Count == 0 || series.Count > FigurePalette.Size)
            throw new ArgumentException($"series needs 1 to {FigurePalette.Size} entries; got {series.Count}.", nameof(series));
        var plot = new Plot();
        var x = xs.ToArray();
        for (int i = 0; i < series.Count; i++)
        {
            var (name, estimates) = series[i];
            if (estimates.Count != x.Length)
                throw new ArgumentException($"series '{name}' has {estimates.Count} estimates for {x.Length} x values.", nameof(series));
            AddCurve(plot, x, estimates, i, name, markerSize: 5);
        }
        foreach (var (name, value) in references ?? [])
        {
            var h = plot.Add.HorizontalLine(value);
            h.LinePattern = LinePattern.Dashed;
            h.Color = Colors.Gray;
            h.LegendText = name;
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Title(title);
        return plot;
    }

    /// <summary>Adds one curve: the line through the means in palette colour <paramref name="colorIndex"/> and its 95% band.</summary>
    internal static void AddCurve(Plot plot, double[] x, IReadOnlyList<MonteCarloEstimate> estimates, int colorIndex, string name, float markerSize)
    {
        var color = FigurePalette.Color(colorIndex);
        var band = plot.Add.FillY(x, estimates.Select(e => e.Ci95Lower).ToArray(), estimates.Select(e => e.Ci95Upper).ToArray());
        band.FillColor = color.WithAlpha(0.25);
        band.LineColor = Colors.Transparent;
        band.MarkerSize = 0;
        var line = plot.Add.Scatter(x, estimates.Select(e => e.Mean).ToArray());
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = markerSize;
        line.LegendText = name;
    }
}

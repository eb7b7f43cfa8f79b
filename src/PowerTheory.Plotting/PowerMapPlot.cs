using System.Globalization;
using PowerTheory.Power;
using ScottPlot;

namespace PowerTheory.Plotting;

/// <summary>
/// A heat map of POWER_D(s,γ) over a gridworld: each open cell is coloured by its state's Monte Carlo POWER estimate
/// and labelled with the value; walls are left blank (light grey). Row 0 is drawn at the top, as in the ASCII map.
/// </summary>
public static class PowerMapPlot
{
    /// <summary>Grids with more open cells than this are drawn without the per-cell value labels (they would not be
    /// legible); <see cref="PowerMap.CellsLabelled"/> reports it.</summary>
    public const int MaxLabelledCells = 625;

    /// <summary>
    /// Draws the POWER map of <paramref name="result"/> at discount <paramref name="gamma"/>.
    /// </summary>
    /// <param name="result">A POWER estimate of a gridworld MDP (every state named <c>r{row}c{col}</c>).</param>
    /// <param name="gamma">One of the discounts of <paramref name="result"/>.</param>
    /// <param name="title">The title; by default names γ, the reward law and the number of samples.</param>
    /// <returns>The figure and whether each cell carries its value.</returns>
    /// <exception cref="ArgumentException">The MDP is not a gridworld (<see cref="GridLayout.FromStateNames"/>) or
    /// <paramref name="gamma"/> is not one of the result's discounts.</exception>
    public static PowerMap Create(PowerResult result, double gamma, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var layout = GridLayout.FromStateNames(result.Mdp);
        var at = result.At(gamma);
        var values = new double[layout.Rows, layout.Cols];
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int r = 0; r < layout.Rows; r++)
        for (int c = 0; c < layout.Cols; c++)
        {
            int s = layout.StateAt(r, c);
            values[r, c] = s < 0 ? double.NaN : at.Power(s).Mean;
            if (s < 0) continue;
            min = Math.Min(min, values[r, c]);
            max = Math.Max(max, values[r, c]);
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.LightGray;
        heatmap.Rectangle = new CoordinateRect(0, layout.Cols, 0, layout.Rows);
        // One rectangle per cell: the bitmap strategy does not survive in SVG output.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "POWER";

        bool labelled = result.Mdp.StateCount <= MaxLabelledCells;
        if (labelled)
        {
            float fontSize = (float)Math.Clamp(160.0 / Math.Max(layout.Rows, layout.Cols), 7, 16);
            for (int r = 0; r < layout.Rows; r++)
            for (int c = 0; c < layout.Cols; c++)
            {
                if (layout.StateAt(r, c) < 0) continue;
                var text = plot.Add.Text(values[r, c].ToString("F3", CultureInfo.InvariantCulture), c + 0.5, layout.Rows - r - 0.5);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                // Viridis is dark at the low end: white text there, black at the bright end.
                bool dark = max <= min || (values[r, c] - min) / (max - min) < 0.6;
                text.LabelFontColor = dark ? Colors.White : Colors.Black;
            }
        }

        plot.Axes.Bottom.TickGenerator = CellTicks(layout.Cols, i => i + 0.5);
        plot.Axes.Left.TickGenerator = CellTicks(layout.Rows, i => layout.Rows - i - 0.5);
        plot.Axes.SetLimits(0, layout.Cols, 0, layout.Rows);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.XLabel("column");
        plot.YLabel("row");
        plot.Title(title ?? DefaultTitle(result, at.Gamma));
        return new PowerMap(plot, layout, labelled);
    }

    internal static string DefaultTitle(PowerResult result, double gamma) =>
        $"POWER at γ = {gamma.ToString("R", CultureInfo.InvariantCulture)} ({result.RewardSpec}, {result.Samples} samples)";

    private static ScottPlot.TickGenerators.NumericManual CellTicks(int count, Func<int, double> position)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int step = Math.Max(1, (int)Math.Ceiling(count / 20.0));
        for (int i = 0; i < count; i += step) ticks.AddMajor(position(i), i.ToString(CultureInfo.InvariantCulture));
        return ticks;
    }
}

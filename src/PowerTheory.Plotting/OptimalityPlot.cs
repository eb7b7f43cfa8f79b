using System.Globalization;
using PowerTheory.Power;
using ScottPlot;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Plotting;

/// <summary>
/// Action optimality probabilities P_{R~D}(a is optimal at s) at one discount as bars, one group per chosen state,
/// with 95% error bars (± 1.96·stderr of the Monte Carlo estimate).
/// </summary>
public static class OptimalityPlot
{
    /// <summary>Draws the bars.</summary>
    /// <param name="result">A POWER estimate (it carries the optimality probability of every action).</param>
    /// <param name="gamma">One of the result's discounts.</param>
    /// <param name="states">The states, by name; at least one, at most <see cref="FigurePalette.Size"/>.</param>
    /// <param name="title">The title; by default names γ, the reward law and the number of samples.</param>
    /// <exception cref="ArgumentException">No state, too many, an unknown or repeated name, or a discount the result
    /// does not have.</exception>
    public static Plot Create(PowerResult result, double gamma, IReadOnlyList<string> states, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var indices = FigurePalette.StateIndices(result.Mdp, states);
        var at = result.At(gamma);
        var mdp = result.Mdp;
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double position = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            int s = indices[i];
            var color = FigurePalette.Color(i);
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                var p = at.OptimalityProbability(s, a);
                bars.Add(new Bar
                {
                    Position = position,
                    Value = p.Mean,
                    Error = MonteCarloEstimate.Z95 * p.StandardError,
                    FillColor = color,
                    Size = 0.8,
                });
                ticks.AddMajor(position, mdp.ActionName(s, a));
                position++;
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = mdp.StateNames[s], FillColor = color });
            position++;
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(-1, position - 1, 0, 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        plot.XLabel("action");
        plot.YLabel("P(action optimal) (95% error bars)");
        plot.Title(title ?? $"Action optimality at γ = {at.Gamma.ToString("R", CultureInfo.InvariantCulture)} " +
                             $"({result.RewardSpec}, {result.Samples} samples)");
        return plot;
    }
}

using PowerTheory.Power;
using PowerTheory.MonteCarlo;
using ScottPlot;

namespace PowerTheory.Plotting;

/// <summary>
/// POWER_D(s,γ) against γ for chosen states: one line through the Monte Carlo means at the result's discounts, and a
/// shaded 95% band mean ± 1.96·stderr around it (<see cref="MonteCarloEstimate.Ci95Lower"/>..<see cref="MonteCarloEstimate.Ci95Upper"/>).
/// </summary>
public static class PowerCurvePlot
{
    /// <summary>Draws the curves.</summary>
    /// <param name="result">A POWER estimate at one or more discounts (more give a curve).</param>
    /// <param name="states">The states to draw, by name; at least one, at most <see cref="FigurePalette.Size"/>.</param>
    /// <param name="title">The title; by default names the reward law and the number of samples.</param>
    /// <exception cref="ArgumentException">No state, too many, an unknown or repeated name.</exception>
    public static Plot Create(PowerResult result, IReadOnlyList<string> states, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var indices = FigurePalette.StateIndices(result.Mdp, states);
        var at = result.ByGamma.OrderBy(a => a.Gamma).ToArray();
        var xs = at.Select(a => a.Gamma).ToArray();
        var plot = new Plot();
        for (int i = 0; i < indices.Length; i++)
        {
            var estimates = at.Select(a => a.Power(indices[i])).ToArray();
            EstimateCurvePlot.AddCurve(plot, xs, estimates, i, result.Mdp.StateNames[indices[i]], xs.Length > 30 ? 0 : 5);
        }
        plot.ShowLegend(Alignment.LowerRight);
        plot.XLabel("γ (discount)");
        plot.YLabel("POWER (95% band)");
        plot.Title(title ?? $"POWER versus γ ({result.RewardSpec}, {result.Samples} samples)");
        return plot;
    }
}

using System.Globalization;
using System.Text;
using PowerTheory.Mdps;
using ScottPlot;

namespace PowerTheory.Plotting;

/// <summary>
/// An MDP as a Graphviz DOT digraph for <see cref="GraphvizRenderer"/>: one ellipse per state; a deterministic action
/// is one edge labelled with the action's name, a stochastic one is a small point node with an edge to each successor
/// labelled with its probability. With POWER values the states are filled by the viridis colour of their value and
/// the value is printed under the name.
/// </summary>
public static class MdpDiagram
{
    /// <summary>Writes the DOT text of <paramref name="mdp"/>.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="power">Optional POWER per state (length = state count, finite), shown as colour and value.</param>
    /// <exception cref="ArgumentException"><paramref name="power"/> has the wrong length or a non-finite value.</exception>
    public static string ToDot(Mdp mdp, IReadOnlyList<double>? power = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        if (power is not null && power.Count != mdp.StateCount)
            throw new ArgumentException($"power has {power.Count} values for {mdp.StateCount} states.", nameof(power));
        if (power is not null && power.Any(p => !double.IsFinite(p)))
            throw new ArgumentException($"power has a non-finite value at state '{mdp.StateNames[power.ToList().FindIndex(p => !double.IsFinite(p))]}'.", nameof(power));
        double min = power?.Min() ?? 0, max = power?.Max() ?? 0;
        var colormap = new ScottPlot.Colormaps.Viridis();
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(mdp.Name ?? "mdp")).AppendLine(" {");
        dot.AppendLine("  rankdir=LR;");
        dot.AppendLine("  node [shape=ellipse, fontname=\"Helvetica\"];");
        dot.AppendLine("  edge [fontname=\"Helvetica\", fontsize=10];");
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var name = mdp.StateNames[s];
            dot.Append("  ").Append(Quote(name));
            if (power is null)
            {
                dot.AppendLine(";");
                continue;
            }
            double fraction = max > min ? (power[s] - min) / (max - min) : 0.5;
            var fill = colormap.GetColor(fraction);
            var font = fraction < 0.6 ? "white" : "black";
            var value = power[s].ToString("F3", CultureInfo.InvariantCulture);
            dot.Append($" [label={Quote(name + "\n" + value)}, style=filled, fillcolor=\"{fill.ToHex()}\", fontcolor={font}]")
                .AppendLine(";");
        }
        for (int s = 0; s < mdp.StateCount; s++)
        for (int a = 0; a < mdp.ActionCount(s); a++)
        {
            int sa = mdp.StateActionIndex(s, a);
            var successors = mdp.Successors(sa);
            var probabilities = mdp.Probabilities(sa);
            var from = Quote(mdp.StateNames[s]);
            var action = mdp.ActionName(s, a);
            if (successors.Length == 1)
            {
                dot.AppendLine($"  {from} -> {Quote(mdp.StateNames[successors[0]])} [label={Quote(action)}];");
                continue;
            }
            var node = Quote($"{mdp.StateNames[s]}/{action}");
            dot.AppendLine($"  {node} [shape=point, width=0.08, xlabel={Quote(action)}];");
            dot.AppendLine($"  {from} -> {node} [arrowhead=none];");
            for (int k = 0; k < successors.Length; k++)
            {
                var p = probabilities[k].ToString("G4", CultureInfo.InvariantCulture);
                dot.AppendLine($"  {node} -> {Quote(mdp.StateNames[successors[k]])} [label=\"{p}\", style=dashed];");
            }
        }
        dot.AppendLine("}");
        return dot.ToString();
    }

    /// <summary>A DOT quoted identifier: backslashes and quotes escaped, line breaks as DOT's <c>\n</c>.</summary>
    internal static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "").Replace("\n", "\\n") + "\"";
}

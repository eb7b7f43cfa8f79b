using System.Globalization;
using System.Text;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Writes an MDP as a Graphviz DOT diagram for viewing (<c>dot -Tsvg</c>): one ellipse per state (its label shown under
/// its name when it has one); a deterministic action is an edge labelled with the action name; a stochastic action is a
/// small point node joined to its state by an edge labelled with the action name, with one edge per successor labelled
/// with its probability. Optionally each state is coloured by a value (for example its POWER): the fill goes from pale
/// yellow (lowest) to dark red (highest) and the value is printed in the node. Not an import format.
/// </summary>
public static class DotFormat
{
    /// <summary>Writes the diagram.</summary>
    /// <param name="mdp">The model.</param>
    /// <param name="stateValues">Optional value per state name (states missing from it stay white); every value must be
    /// finite.</param>
    /// <param name="valueName">What the values are, shown in the graph's title (e.g. <c>POWER at γ = 0.9</c>).</param>
    /// <exception cref="ArgumentException">A value is not finite, or names an unknown state.</exception>
    public static string Write(Mdp mdp, IReadOnlyDictionary<string, double>? stateValues = null, string? valueName = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        double lo = 0, hi = 0;
        if (stateValues is { Count: > 0 })
        {
            foreach (var (state, v) in stateValues)
            {
                if (!mdp.TryGetStateIndex(state, out _))
                    throw new ArgumentException($"stateValues name an unknown state '{state}'.", nameof(stateValues));
                if (!double.IsFinite(v))
                    throw new ArgumentException($"the value of state '{state}' must be finite; got {v}.", nameof(stateValues));
            }
            lo = stateValues.Values.Min();
            hi = stateValues.Values.Max();
        }
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(Quote(mdp.Name ?? "mdp")).Append(" {\n");
        sb.Append("  rankdir=LR;\n  node [shape=ellipse, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        if (valueName is not null && stateValues is { Count: > 0 })
            sb.Append("  label=").Append(Quote($"{valueName}: {Show(lo)} (pale) to {Show(hi)} (dark)")).Append(";\n  labelloc=t;\n");
        for (int s = 0; s < mdp.StateCount; s++)
        {
            string name = mdp.StateNames[s];
            var label = new StringBuilder(name);
            if (mdp.Labels.TryGetValue(name, out var display)) label.Append('\n').Append(display);
            sb.Append("  ").Append(Quote(name)).Append(" [");
            if (stateValues is not null && stateValues.TryGetValue(name, out var v))
            {
                label.Append('\n').Append(Show(v));
                double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                sb.Append("style=filled, fillcolor=\"").Append(Colour(t)).Append("\", fontcolor=\"").Append(t > 0.6 ? "white" : "black").Append("\", ");
            }
            sb.Append("label=").Append(Quote(label.ToString())).Append("];\n");
        }
        for (int s = 0; s < mdp.StateCount; s++)
        {
            string from = Quote(mdp.StateNames[s]);
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                string action = mdp.ActionNames(s)[a];
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                if (succ.Length == 1)
                {
                    sb.Append("  ").Append(from).Append(" -> ").Append(Quote(mdp.StateNames[succ[0]]))
                        .Append(" [label=").Append(Quote(action)).Append("];\n");
                    continue;
                }
                string point = Quote($"\u00B7a{sa}");
                sb.Append("  ").Append(point).Append(" [shape=point, width=0.08, label=\"\"];\n");
                sb.Append("  ").Append(from).Append(" -> ").Append(point).Append(" [label=").Append(Quote(action)).Append(", arrowhead=none];\n");
                for (int k = 0; k < succ.Length; k++)
                {
                    sb.Append("  ").Append(point).Append(" -> ").Append(Quote(mdp.StateNames[succ[k]]))
                        .Append(" [label=").Append(Quote(Show(prob[k]))).Append(", style=dashed];\n");
                }
            }
        }
        return sb.Append("}\n").ToString();
    }

    /// <summary>The fill colour at t ∈ [0, 1]: linear from pale yellow #FFF5C0 to dark red #9E1B1B.</summary>
    internal static string Colour(double t)
    {
        t = Math.Clamp(t, 0, 1);
        int r = (int)Math.Round(0xFF + t * (0x9E - 0xFF));
        int g = (int)Math.Round(0xF5 + t * (0x1B - 0xF5));
        int b = (int)Math.Round(0xC0 + t * (0x1B - 0xC0));
        return $"#{r:X2}{g:X2}{b:X2}";
    }

    private static string Show(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}

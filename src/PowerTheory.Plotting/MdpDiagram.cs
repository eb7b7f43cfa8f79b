using PowerTheory.Mdps;
using PowerTheory.IO.Formats;

namespace PowerTheory.Plotting;

/// <summary>
/// An MDP as a Graphviz DOT digraph for <see cref="GraphvizRenderer"/>, optionally coloured by POWER: a thin adapter over
/// the library's one DOT writer, <see cref="DotFormat.Write"/> (one ellipse per state; a deterministic action is one
/// labelled edge, a stochastic one a point node with an edge per successor labelled with its probability; with POWER the
/// states are filled from pale yellow (lowest) to dark red (highest) and the value is printed under the name).
/// </summary>
public static class MdpDiagram
{
    /// <summary>Writes the DOT text of <paramref name="mdp"/>.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="power">Optional POWER per state (length = state count, finite), shown as colour and value.</param>
    /// <exception cref="ArgumentException"><paramref name="power"/> has the wrong length or a non-finite value (the
    /// message names the state).</exception>
    public static string ToDot(Mdp mdp, IReadOnlyList<double>? power = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        if (power is null) return DotFormat.Write(mdp);
        if (power.Count != mdp.StateCount)
            throw new ArgumentException($"power has {power.Count} values for {mdp.StateCount} states.", nameof(power));
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (!double.IsFinite(power[s]))
                throw new ArgumentException($"power has a non-finite value at state '{mdp.StateNames[s]}'.", nameof(power));
            values[mdp.StateNames[s]] = power[s];
        }
        return DotFormat.Write(mdp, values, "POWER");
    }
}

using PowerTheory.Mdps;
using ScottPlot;

namespace PowerTheory.Plotting;

/// <summary>The colours that tell states apart in a figure, and the checked list of states to draw.</summary>
public static class FigurePalette
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>How many states one figure can tell apart by colour.</summary>
    public const int Size = 10;

    /// <summary>The colour of the <paramref name="i"/>-th state drawn, <paramref name="i"/> ∈ [0, <see cref="Size"/>).</summary>
    public static Color Color(int i) => Palette.GetColor(i);

    /// <summary>The indices of <paramref name="states"/> in <paramref name="mdp"/>.</summary>
    /// <exception cref="ArgumentException">No state, more than <see cref="Size"/>, an unknown or a repeated name.</exception>
    public static int[] StateIndices(Mdp mdp, IReadOnlyList<string> states)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0) throw new ArgumentException("name at least one state to draw.", nameof(states));
        if (states.Count > Size)
            throw new ArgumentException($"a figure tells at most {Size} states apart; got {states.Count}.", nameof(states));
        var indices = states.Select(mdp.StateIndex).ToArray();
        var repeated = states.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"state '{repeated.Key}' is named twice.", nameof(states));
        return indices;
    }
}

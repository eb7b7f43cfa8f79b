using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>Transition rows under a permutation: whether P_φ·T(x,a) equals some row T(φ(x),b), exactly (the same
/// successors with bit-identical probabilities), and the local colour of a row used to prune candidate images.</summary>
internal static class RowMatching
{
    /// <summary>True when P_φ·T(x,a) = T(y,b) for some b in <paramref name="imageActions"/> (all actions at y when null).</summary>
    public static bool RowMaps(Mdp mdp, int x, int action, int[] phi, int y, int[]? imageActions)
    {
        int sa = mdp.FirstStateAction(x) + action;
        var successors = mdp.Successors(sa);
        var probabilities = mdp.Probabilities(sa);
        var mapped = new (int State, double P)[successors.Length];
        for (int j = 0; j < successors.Length; j++) mapped[j] = (phi[successors[j]], probabilities[j]);
        Array.Sort(mapped, (u, v) => u.State.CompareTo(v.State));
        foreach (int b in imageActions ?? Enumerable.Range(0, mdp.ActionCount(y)).ToArray())
        {
            int sb = mdp.FirstStateAction(y) + b;
            var ys = mdp.Successors(sb);
            var yp = mdp.Probabilities(sb);
            if (ys.Length != mapped.Length) continue;
            var row = new (int State, double P)[ys.Length];
            for (int j = 0; j < ys.Length; j++) row[j] = (ys[j], yp[j]);
            Array.Sort(row, (u, v) => u.State.CompareTo(v.State));
            if (row.AsSpan().SequenceEqual(mapped)) return true;
        }
        return false;
    }

    /// <summary>The colour of row T(x,a): its sorted probabilities and the probability of staying at x.</summary>
    public static string Colour(Mdp mdp, int x, int action)
    {
        int sa = mdp.FirstStateAction(x) + action;
        var successors = mdp.Successors(sa);
        var probabilities = mdp.Probabilities(sa).ToArray();
        double self = 0;
        for (int j = 0; j < successors.Length; j++) if (successors[j] == x) self = probabilities[j];
        Array.Sort(probabilities);
        return string.Join(",", probabilities.Select(p => BitConverter.DoubleToInt64Bits(p))) + "|" + BitConverter.DoubleToInt64Bits(self);
    }
}

using System.Globalization;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>
/// Verifies a transition-preserving involution independently of the search that found it: for every state x of a
/// domain and every action a listed for x, P_φ·T(x,a) must be a row T(φ(x),b) of an allowed action b. Then φ maps the
/// chain of every policy using those actions onto a chain of the MDP, so (φ·f)(γ) is a visit distribution for every γ.
/// </summary>
internal static class TransitionRowCheck
{
    public static SymmetryCondition Check(Mdp mdp, Permutation phi, IEnumerable<int> domain, Func<int, IEnumerable<int>> actionsAt,
        Func<int, IEnumerable<int>> imageActionsAt, string name)
    {
        int states = 0, rows = 0;
        foreach (int x in domain.OrderBy(x => x))
        {
            states++;
            int y = phi[x];
            var available = imageActionsAt(x).Select(b => RowText(mdp, y, b, null)).ToHashSet(StringComparer.Ordinal);
            foreach (int a in actionsAt(x))
            {
                rows++;
                if (!available.Contains(RowText(mdp, x, a, phi)))
                    return new SymmetryCondition(name, false,
                        $"action '{mdp.ActionName(x, a)}' at '{mdp.StateNames[x]}' maps to no action at '{mdp.StateNames[y]}' " +
                        $"(P_φ·T = {RowText(mdp, x, a, phi, mdp.StateNames)})");
            }
        }
        return new SymmetryCondition(name, true, $"all {rows} rows at {states} states map onto rows at their images");
    }

    private static string RowText(Mdp mdp, int x, int a, Permutation? phi, IReadOnlyList<string>? names = null)
    {
        int sa = mdp.StateActionIndex(x, a);
        var successors = mdp.Successors(sa).ToArray();
        var probabilities = mdp.Probabilities(sa).ToArray();
        var entries = new SortedDictionary<int, double>();
        for (int j = 0; j < successors.Length; j++) entries[phi is null ? successors[j] : phi[successors[j]]] = probabilities[j];
        return string.Join(" ", entries.Select(e => (names is null ? e.Key.ToString(CultureInfo.InvariantCulture) : names[e.Key]) + ":" +
            e.Value.ToString("R", CultureInfo.InvariantCulture)));
    }
}

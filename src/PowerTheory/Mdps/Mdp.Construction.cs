using System.Collections.ObjectModel;
using PowerTheory.Internal;

namespace PowerTheory.Mdps;

/// <summary>Other MDPs made from this one (relabelled states) or from other representations (dense arrays).</summary>
public sealed partial class Mdp
{
    /// <summary>
    /// The MDP with its states relabelled by the permutation φ: state s of this MDP becomes state φ(s) of the result
    /// (names, actions and transitions travel with the state), so T'(φ(s')|φ(s),a) = T(s'|s,a).
    /// </summary>
    /// <param name="permutation">φ as an array, <c>permutation[s] = φ(s)</c>; must be a permutation of 0..n−1.</param>
    public Mdp RelabelStates(IReadOnlyList<int> permutation)
    {
        ArgumentNullException.ThrowIfNull(permutation);
        int n = StateCount;
        if (permutation.Count != n)
            throw new ArgumentException($"permutation must have {n} entries; got {permutation.Count}.", nameof(permutation));
        var inverse = new int[n];
        Array.Fill(inverse, -1);
        for (int s = 0; s < n; s++)
        {
            int t = permutation[s];
            if ((uint)t >= (uint)n || inverse[t] != -1)
                throw new ArgumentException($"permutation is not a permutation of 0..{n - 1} (entry {s} = {t}).", nameof(permutation));
            inverse[t] = s;
        }
        var builder = new MdpBuilder(Name);
        for (int t = 0; t < n; t++) builder.AddState(_stateNames[inverse[t]]);
        for (int t = 0; t < n; t++)
        {
            int s = inverse[t];
            for (int a = 0; a < ActionCount(s); a++)
            {
                int sa = _actionOffsets[s] + a;
                var succ = Successors(sa);
                var prob = Probabilities(sa);
                var outcomes = new (string, double)[succ.Length];
                for (int k = 0; k < succ.Length; k++) outcomes[k] = (_stateNames[succ[k]], prob[k]);
                builder.AddAction(_stateNames[s], _actionNames[sa], outcomes);
            }
        }
        foreach (var (k, v) in Labels) builder.SetLabel(k, v);
        return builder.Build();
    }

    /// <summary>
    /// Builds an MDP from dense arrays <c>P[a][s][s']</c> (the probability of moving from s to s' under action a) and an
    /// availability mask <c>available[a][s]</c>. Unavailable (a, s) pairs are absent — never "value 0" — and their rows
    /// are ignored. Every state must have at least one available action.
    /// </summary>
    /// <param name="transitions">P[a][s][s'], each available row non-negative and summing to 1 within 1e-9.</param>
    /// <param name="available">available[a][s]; null means every action is available everywhere.</param>
    /// <param name="stateNames">Optional state names (default <c>s0, s1, …</c>).</param>
    /// <param name="actionNames">Optional action names, one per action index (default <c>a0, a1, …</c>).</param>
    /// <param name="name">Optional model name.</param>
    public static Mdp FromDense(
        double[][][] transitions,
        bool[][]? available = null,
        IReadOnlyList<string>? stateNames = null,
        IReadOnlyList<string>? actionNames = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        int m = transitions.Length;
        if (m == 0) throw new MdpValidationException("P", "P must have at least one action (P[a][s][s']).");
        if (transitions[0] is null || transitions[0].Length == 0)
            throw new MdpValidationException("P[0]", "P[0] must have at least one state row.");
        int n = transitions[0].Length;
        if (stateNames is not null && stateNames.Count != n)
            throw new MdpValidationException("stateNames", $"stateNames has {stateNames.Count} entries but P has {n} states.");
        if (actionNames is not null && actionNames.Count != m)
            throw new MdpValidationException("actionNames", $"actionNames has {actionNames.Count} entries but P has {m} actions.");
        if (available is not null && available.Length != m)
            throw new MdpValidationException("available", $"available has {available.Length} action rows but P has {m} actions.");
        var sNames = stateNames?.ToArray() ?? Enumerable.Range(0, n).Select(i => $"s{i}").ToArray();
        var aNames = actionNames?.ToArray() ?? Enumerable.Range(0, m).Select(i => $"a{i}").ToArray();
        var builder = new MdpBuilder(name);
        builder.AddStates(sNames);
        for (int a = 0; a < m; a++)
        {
            if (transitions[a] is null || transitions[a].Length != n)
                throw new MdpValidationException($"P[{a}]", $"P[{a}] must have {n} state rows; got {transitions[a]?.Length ?? 0}.");
            if (available is not null && (available[a] is null || available[a].Length != n))
                throw new MdpValidationException($"available[{a}]", $"available[{a}] must have {n} entries.");
        }
        for (int s = 0; s < n; s++)
        {
            for (int a = 0; a < m; a++)
            {
                if (available is not null && !available[a][s]) continue;
                var row = transitions[a][s];
                if (row is null || row.Length != n)
                    throw new MdpValidationException($"P[{a}][{s}]",
                        $"P[{a}][{s}] (state '{sNames[s]}', action '{aNames[a]}') must have {n} entries; got {row?.Length ?? 0}.");
                var outcomes = new List<(string, double)>();
                for (int t = 0; t < n; t++)
                {
                    if (row[t] != 0.0 || double.IsNaN(row[t])) outcomes.Add((sNames[t], row[t]));
                }
                builder.AddAction(sNames[s], aNames[a], outcomes.ToArray());
            }
        }
        return builder.Build();
    }
}

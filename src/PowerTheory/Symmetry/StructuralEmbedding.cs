using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>
/// Backtracking search for an involution φ on states that embeds the transition structure of a set of source states
/// into its image (docs/symmetry.md): for every source state x and every action b at x there is an action b' at φ(x)
/// with T(·|φ(x), b') = P_φ T(·|x, b), i.e. T(φ(u)|φ(x), b') = T(u|x, b) for every u. Then every policy from a source
/// state has a mirror policy from its image whose visit distribution is φ·f, exactly, for every γ, deterministic or
/// stochastic — the graph-structural route of docs/theory.md §5.3. The search starts from forced pairs, propagates
/// successor pairs, branches only over the matching action and over outcomes of equal probability, and prunes with
/// colour invariants (self-loops, numbers of distinct actions); each tentative pairing is one node of the budget.
/// </summary>
internal sealed class StructuralEmbedding
{
    private readonly Mdp _mdp;
    private readonly int[][] _actions;     // distinct-row representatives (global state-actions) per state
    private readonly bool[] _selfLoop;     // has an action that stays put with probability 1
    private readonly int[] _map;           // φ(x), −1 unknown
    private readonly bool[] _source;       // states whose actions must embed
    private readonly bool[] _mustFix;      // states φ must fix
    private readonly Stack<int> _trail = new();
    private readonly SearchMeter _meter;
    private readonly Func<Permutation, bool> _accept;

    private StructuralEmbedding(Mdp mdp, bool[] source, bool[] mustFix, SearchMeter meter, Func<Permutation, bool> accept)
    {
        _mdp = mdp;
        int n = mdp.StateCount;
        _actions = new int[n][];
        _selfLoop = new bool[n];
        for (int s = 0; s < n; s++)
        {
            var distinct = new List<int>();
            for (int sa = mdp.FirstStateAction(s); sa < mdp.FirstStateAction(s) + mdp.ActionCount(s); sa++)
            {
                if (!distinct.Any(other => SameRow(other, sa))) distinct.Add(sa);
                var succ = mdp.Successors(sa);
                if (succ.Length == 1 && succ[0] == s) _selfLoop[s] = true;
            }
            _actions[s] = distinct.ToArray();
        }
        _map = new int[n];
        Array.Fill(_map, -1);
        _source = source;
        _mustFix = mustFix;
        _meter = meter;
        _accept = accept;
    }

    /// <summary>Searches for an involution with the forced pairs (and, for the first forced pair's state, the forced
    /// action pair) whose structure embeds every state of <paramref name="source"/>, fixes every state of
    /// <paramref name="mustFix"/>, and is accepted by <paramref name="accept"/> (the independent verification). Returns
    /// the first accepted involution, or null when none is (exhaustive unless the meter says otherwise).</summary>
    public static Permutation? Find(Mdp mdp, IReadOnlyList<(int From, int To)> forced, (int State, int FromAction, int ToAction)? forcedAction,
        bool[] source, bool[] mustFix, SearchMeter meter, Func<Permutation, bool> accept)
    {
        var search = new StructuralEmbedding(mdp, source, mustFix, meter, accept);
        int mark = search._trail.Count;
        foreach (var (x, y) in forced)
            if (!search.Pair(x, y)) return null;
        var obligations = new List<(int State, int Action)>();
        if (forcedAction is { } fa)
        {
            if (!search.MatchAction(fa.State, fa.FromAction, fa.ToAction, out var pairs) || pairs.Count == 0) return null;
            // The forced action pair may branch over equal-probability outcomes like any other.
            foreach (var pairing in pairs)
            {
                int before = search._trail.Count;
                if (search.PairAll(pairing) && search.Solve(search.Obligations(skip: (fa.State, fa.FromAction))) is { } found) return found;
                search.Undo(before);
                if (meter.Exhausted) return null;
            }
            return null;
        }
        var result = search.Solve(search.Obligations(skip: null));
        search.Undo(mark);
        return result;
    }

    private bool SameRow(int a, int b) =>
        _mdp.Successors(a).SequenceEqual(_mdp.Successors(b)) && _mdp.Probabilities(a).SequenceEqual(_mdp.Probabilities(b));

    /// <summary>The (source state, action) obligations not yet met, for mapped source states.</summary>
    private List<(int State, int Action)> Obligations((int State, int Action)? skip)
    {
        var list = new List<(int, int)>();
        for (int x = 0; x < _map.Length; x++)
        {
            if (!_source[x] || _map[x] < 0) continue;
            foreach (int b in _actions[x])
                if (skip is not { } k || k.State != x || !SameRow(k.Action, b)) list.Add((x, b));
        }
        return list;
    }

    private Permutation? Solve(List<(int State, int Action)> pending)
    {
        // Pick the first unmet obligation; new source states mapped on the way add their own.
        int index = pending.FindIndex(o => _map[o.State] >= 0);
        if (index < 0)
        {
            // Every mapped source state is embedded; unmapped source states (unreachable from the forced pairs) are fixed.
            for (int x = 0; x < _map.Length; x++)
                if (_source[x] && _map[x] < 0) return null;
            var image = new int[_map.Length];
            for (int x = 0; x < image.Length; x++) image[x] = _map[x] < 0 ? x : _map[x];
            var phi = Permutation.FromImage(image);
            return _accept(phi) ? phi : null;
        }
        var (state, action) = pending[index];
        var rest = new List<(int, int)>(pending);
        rest.RemoveAt(index);
        int y = _map[state];
        foreach (int target in _actions[y])
        {
            if (!_meter.TryCount()) return null;
            if (!MatchAction(state, action, target, out var pairings)) continue;
            foreach (var pairing in pairings)
            {
                int before = _trail.Count;
                var added = new List<int>();
                if (PairAll(pairing, added))
                {
                    var next = new List<(int, int)>(rest);
                    foreach (int x in added)
                        if (_source[x]) foreach (int b in _actions[x]) next.Add((x, b));
                    if (Solve(next) is { } found) return found;
                }
                Undo(before);
                if (_meter.Exhausted) return null;
            }
        }
        return null;
    }

    /// <summary>Whether T(·|φ(x), b') can equal P_φ T(·|x, b): the same multiset of probabilities; the ways to pair the
    /// successors (outcomes of equal probability may pair in any order) are returned.</summary>
    private bool MatchAction(int x, int b, int target, out List<List<(int, int)>> pairings)
    {
        pairings = [];
        var fromSucc = _mdp.Successors(b).ToArray();
        var fromProb = _mdp.Probabilities(b).ToArray();
        var toSucc = _mdp.Successors(target).ToArray();
        var toProb = _mdp.Probabilities(target).ToArray();
        if (fromSucc.Length != toSucc.Length) return false;
        if (!fromProb.Order().SequenceEqual(toProb.Order())) return false;
        var groups = fromProb.Distinct().ToArray();
        var partial = new List<List<(int, int)>> { new() };
        foreach (double p in groups)
        {
            var sources = fromSucc.Where((_, k) => fromProb[k] == p).ToArray();
            var targets = toSucc.Where((_, k) => toProb[k] == p).ToArray();
            var extended = new List<List<(int, int)>>();
            foreach (var prefix in partial)
                foreach (var perm in Permutations(targets))
                {
                    if (extended.Count > 10_000) break; // a pathological row: keep the branching bounded
                    var pairs = new List<(int, int)>(prefix);
                    for (int k = 0; k < sources.Length; k++) pairs.Add((sources[k], perm[k]));
                    extended.Add(pairs);
                }
            partial = extended;
        }
        pairings = partial;
        return true;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Length; i++)
            foreach (var rest in Permutations(items.Where((_, k) => k != i).ToArray()))
                yield return [items[i], .. rest];
    }

    private bool PairAll(List<(int, int)> pairs, List<int>? added = null)
    {
        foreach (var (u, v) in pairs)
        {
            bool fresh = _map[u] < 0;
            if (!Pair(u, v)) return false;
            if (fresh && added is not null) added.Add(u);
            if (fresh && added is not null && u != v && _map[v] == u && !added.Contains(v)) added.Add(v);
        }
        return true;
    }

    /// <summary>Records φ(u) = v and φ(v) = u; false on a conflict with the involution, the fixed set or the invariants.</summary>
    private bool Pair(int u, int v)
    {
        if (_map[u] == v && _map[v] == u) return true;
        if (_map[u] >= 0 || _map[v] >= 0) return false;
        if (u != v && (_mustFix[u] || _mustFix[v])) return false;
        // Colour invariants: a source state's structure must fit into its image.
        if (_source[u] && (_selfLoop[u] && !_selfLoop[v] || _actions[u].Length > _actions[v].Length)) return false;
        if (_source[v] && (_selfLoop[v] && !_selfLoop[u] || _actions[v].Length > _actions[u].Length)) return false;
        _map[u] = v;
        _map[v] = u;
        _trail.Push(u);
        if (u != v) _trail.Push(v);
        return true;
    }

    private void Undo(int mark)
    {
        while (_trail.Count > mark) _map[_trail.Pop()] = -1;
    }
}

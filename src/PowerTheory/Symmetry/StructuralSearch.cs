using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>
/// Backtracking search for involutions φ that preserve transition rows on a domain: φ(root) = rootImage and, for every
/// domain state x and every relevant action a at x, P_φ·T(x,a) = T(φ(x),b) for some action b at φ(x) (at the root, some
/// b in a given list). Such a φ maps the chain of every policy that uses only relevant actions onto a chain of the MDP,
/// so it maps those visit distributions into the target set (docs/theory.md §5.3, the graph route).
/// </summary>
/// <remarks>States are taken in breadth-first order from the root; the candidates for φ(x) are the successors of the
/// rows at φ(parent(x)) (an edge must map to an edge), filtered by the local colour of the rows (sorted probabilities and
/// self-loop mass) and by the caller's constraint; a row condition is checked as soon as its state and successors are
/// assigned. One search node per tentative assignment, counted with the meter.</remarks>
internal sealed class StructuralSearch
{
    private readonly Mdp _mdp;
    private readonly int _root;
    private readonly int[] _rootImageActions;
    private readonly Dictionary<int, int[]> _relevant;
    private readonly Func<int, int, bool> _allowed;
    private readonly SearchMeter _meter;
    private readonly List<int> _order = new();
    private readonly Dictionary<int, int> _parent = new();
    private readonly Dictionary<int, List<int>> _watchers = new();
    private readonly int[] _phi;
    private readonly List<Permutation> _found = new();
    private int _maxSolutions;

    /// <param name="mdp">The MDP.</param>
    /// <param name="root">The root of the domain (s').</param>
    /// <param name="relevantAtRoot">The relevant actions at the root.</param>
    /// <param name="rootImageActions">The actions at φ(root) that the root's rows may map to.</param>
    /// <param name="allowed">allowed(x, y): may φ(x) = y (the caller's fixing constraint)?</param>
    /// <param name="meter">The budget meter.</param>
    public StructuralSearch(Mdp mdp, int root, int[] relevantAtRoot, int[] rootImageActions, Func<int, int, bool> allowed,
        SearchMeter meter)
    {
        _mdp = mdp;
        _root = root;
        _rootImageActions = rootImageActions;
        _allowed = allowed;
        _meter = meter;
        _phi = new int[mdp.StateCount];
        Array.Fill(_phi, -1);
        _relevant = new Dictionary<int, int[]> { [root] = relevantAtRoot };
        _order.Add(root);
        for (int i = 0; i < _order.Count; i++)
        {
            int x = _order[i];
            foreach (int a in _relevant[x])
                foreach (int y in mdp.Successors(mdp.FirstStateAction(x) + a))
                {
                    Watch(y, x);
                    if (_relevant.ContainsKey(y)) continue;
                    _relevant[y] = Enumerable.Range(0, mdp.ActionCount(y)).ToArray();
                    _parent[y] = x;
                    _order.Add(y);
                }
            Watch(x, x);
        }
    }

    /// <summary>The domain: the states reached from the root through relevant rows.</summary>
    public IReadOnlyCollection<int> Domain => _order;

    /// <summary>Runs the search with φ(root) = <paramref name="rootImage"/>; returns up to <paramref name="maxSolutions"/>
    /// involutions (fewer when the search is exhaustive or the meter stops it).</summary>
    public List<Permutation> Run(int rootImage, int maxSolutions)
    {
        _maxSolutions = maxSolutions;
        if (_meter.TryCount() && Assign(_root, rootImage)) Extend(1);
        return _found;
    }

    private void Watch(int state, int watcher)
    {
        if (!_watchers.TryGetValue(state, out var list)) _watchers[state] = list = new List<int>();
        if (!list.Contains(watcher)) list.Add(watcher);
    }

    private bool Extend(int k)
    {
        if (_found.Count >= _maxSolutions || _meter.Exhausted) return false;
        if (!_meter.TryDescend()) return false; // one level per state of the order
        if (k == _order.Count)
        {
            var image = new int[_phi.Length];
            for (int i = 0; i < image.Length; i++) image[i] = _phi[i] < 0 ? i : _phi[i];
            _found.Add(Permutation.FromImage(image));
            return _found.Count < _maxSolutions;
        }
        int x = _order[k];
        if (_phi[x] >= 0) return Extend(k + 1);
        int p = _parent[x];
        int[] imageActions = p == _root ? _rootImageActions : Enumerable.Range(0, _mdp.ActionCount(_phi[p])).ToArray();
        var candidates = new List<int>();
        foreach (int b in imageActions)
            foreach (int y in _mdp.Successors(_mdp.FirstStateAction(_phi[p]) + b))
                if (!candidates.Contains(y)) candidates.Add(y);
        foreach (int y in candidates)
        {
            if (!_meter.TryCount()) return false;
            if (!Assign(x, y)) continue;
            bool keepGoing = Extend(k + 1);
            Unassign(x, y);
            if (!keepGoing) return false;
        }
        return true;
    }

    private bool Assign(int x, int y)
    {
        if (_phi[x] >= 0 || (y != x && _phi[y] >= 0)) return false;
        if (!_allowed(x, y) || !_allowed(y, x) || !ColoursFit(x, y) || (y != x && !ColoursFit(y, x))) return false;
        _phi[x] = y;
        _phi[y] = x;
        if (RowsHold(x) && (y == x || RowsHold(y))) return true;
        Unassign(x, y);
        return false;
    }

    private void Unassign(int x, int y)
    {
        _phi[x] = -1;
        _phi[y] = -1;
    }

    private bool ColoursFit(int x, int y)
    {
        if (!_relevant.TryGetValue(x, out var actions)) return true;
        int[] imageActions = x == _root ? _rootImageActions : Enumerable.Range(0, _mdp.ActionCount(y)).ToArray();
        var available = imageActions.Select(b => RowMatching.Colour(_mdp, y, b)).ToHashSet(StringComparer.Ordinal);
        return actions.All(a => available.Contains(RowMatching.Colour(_mdp, x, a)));
    }

    private bool RowsHold(int changed)
    {
        if (!_watchers.TryGetValue(changed, out var watchers)) return true;
        foreach (int z in watchers)
        {
            if (_phi[z] < 0) continue;
            var actions = _relevant[z];
            bool ready = actions.All(a => _mdp.Successors(_mdp.FirstStateAction(z) + a).ToArray().All(t => _phi[t] >= 0));
            if (!ready) continue;
            int[]? imageActions = z == _root ? _rootImageActions : null;
            foreach (int a in actions)
                if (!RowMatching.RowMaps(_mdp, z, a, _phi, _phi[z], imageActions)) return false;
        }
        return true;
    }
}

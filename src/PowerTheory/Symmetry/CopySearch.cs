using PowerTheory.Budgets;

namespace PowerTheory.Symmetry;

/// <summary>
/// Exhaustive backtracking search for involutions φ with φ·X' ⊆ X on enumerated sets (functions or vectors). φ·x' depends
/// only on φ on the support of x', so φ is searched on U = ∪ supp(x') (states in first-appearance order), each φ(u) among
/// the states of ∪ supp(x) of the target (a necessary condition), with involution pairs φ(u) = v ⇒ φ(v) = u, the caller's
/// constraint, and every other state fixed. An element x' is tested (exactly, by <see cref="PermutableSet"/>) as soon as
/// its support is assigned. Completing the search without a solution proves that no involution exists.
/// </summary>
internal sealed class CopySearch
{
    private readonly PermutableSet _source;
    private readonly PermutableSet _target;
    private readonly Func<int, int, bool> _allowed;
    private readonly SearchMeter _meter;
    private readonly int[] _order;
    private readonly int[] _candidates;
    private readonly HashSet<int> _domain;
    private readonly HashSet<int> _targetStates;
    private readonly List<int>[] _elementsOf;
    private readonly int[] _remaining;
    private readonly int[] _phi;
    private readonly List<Permutation> _found = new();
    private int _maxSolutions;

    public CopySearch(PermutableSet source, PermutableSet target, Func<int, int, bool> allowed, SearchMeter meter)
    {
        _source = source;
        _target = target;
        _allowed = allowed;
        _meter = meter;
        int n = source.Mdp.StateCount;
        var order = new List<int>();
        _elementsOf = new List<int>[n];
        for (int x = 0; x < n; x++) _elementsOf[x] = new List<int>();
        _remaining = new int[source.Count];
        for (int j = 0; j < source.Count; j++)
        {
            foreach (int x in source.Support(j))
            {
                if (!order.Contains(x)) order.Add(x);
                _elementsOf[x].Add(j);
            }
            _remaining[j] = source.Support(j).Length;
        }
        _order = order.ToArray();
        _domain = order.ToHashSet();
        var targetStates = new List<int>();
        for (int i = 0; i < target.Count; i++)
            foreach (int x in target.Support(i))
                if (!targetStates.Contains(x)) targetStates.Add(x);
        _candidates = targetStates.ToArray();
        _targetStates = targetStates.ToHashSet();
        _phi = new int[n];
        Array.Fill(_phi, -1);
    }

    /// <summary>Runs the search with the pairs φ(x) = y of <paramref name="fixedPairs"/> imposed; returns up to
    /// <paramref name="maxSolutions"/> involutions.</summary>
    public List<Permutation> Run(IEnumerable<(int From, int To)> fixedPairs, int maxSolutions)
    {
        _maxSolutions = maxSolutions;
        foreach (var (x, y) in fixedPairs)
        {
            if (_phi[x] == y) continue;
            if (!_meter.TryCount() || !Assign(x, y)) return _found;
        }
        Extend(0);
        return _found;
    }

    private bool Extend(int k)
    {
        if (_found.Count >= _maxSolutions || _meter.Exhausted) return false;
        if (!_meter.TryDescend()) return false; // one level per element of the order
        if (k == _order.Length)
        {
            _found.Add(Current());
            return _found.Count < _maxSolutions;
        }
        int x = _order[k];
        if (_phi[x] >= 0) return Extend(k + 1);
        foreach (int y in _candidates)
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
        if (!_allowed(x, y) || !_allowed(y, x)) return false;
        if ((_domain.Contains(x) && !_targetStates.Contains(y)) || (_domain.Contains(y) && !_targetStates.Contains(x))) return false;
        _phi[x] = y;
        _phi[y] = x;
        bool ok = true;
        foreach (int state in y == x ? [x] : new[] { x, y })
            foreach (int j in _elementsOf[state])
                if (--_remaining[j] == 0 && ok && _target.IndexOfImage(Current(), _source, j) < 0) ok = false;
        if (!ok) Unassign(x, y);
        return ok;
    }

    private void Unassign(int x, int y)
    {
        foreach (int state in y == x ? [x] : new[] { x, y })
            foreach (int j in _elementsOf[state]) _remaining[j]++;
        _phi[x] = -1;
        _phi[y] = -1;
    }

    private Permutation Current()
    {
        var image = new int[_phi.Length];
        for (int i = 0; i < image.Length; i++) image[i] = _phi[i] < 0 ? i : _phi[i];
        return Permutation.FromImage(image);
    }
}

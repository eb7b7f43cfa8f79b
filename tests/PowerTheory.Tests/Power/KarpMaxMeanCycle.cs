using PowerTheory.Mdps;
using QuikGraph;
using QuikGraph.Algorithms;

namespace PowerTheory.Tests.Power;

/// <summary>
/// Test oracle (Karp 1978): the γ → 1 limit on a deterministic MDP, exactly per sample: the optimal gain g*(s) = max over cycles C reachable
/// from s of the cycle mean (1/|C|)·Σ_{c∈C} r(c), which equals max_{d∈RSD(s)} dᵀr (OPTSP Lemma E.49), so
/// POWER(s,1) = E[g*(s)].
/// </summary>
/// <remarks>
/// The strongly connected components (QuikGraph) are computed once. Per sample, Karp's algorithm gives each component's
/// maximum cycle mean λ_C (O(|C|·E_C)), and g*(s) = max(λ_{C(s)}, max over edges leaving C(s) of g* of the target
/// component), processed sinks first. Memory O(|C|²) for
/// the largest component: a test oracle for small MDPs only.
/// </remarks>
internal sealed class KarpMaxMeanCycle
{
    private readonly int _n;
    private readonly int[] _offsets;
    private readonly int[] _target;
    private readonly int[] _componentOf;
    private readonly int[][] _members;       // per component (in processing order: sinks first)
    private readonly int[][] _edgeFrom;      // per component, local indices of internal edges
    private readonly int[][] _edgeTo;
    private readonly int[][] _exitComponents; // per component, distinct target components of leaving edges
    private readonly int[] _localIndex;
    private readonly double[] _table;
    private readonly double[] _componentGain;

    public KarpMaxMeanCycle(Mdp mdp)
    {
        if (!mdp.IsDeterministic) throw new ArgumentException("the MDP must be deterministic.", nameof(mdp));
        _n = mdp.StateCount;
        _offsets = mdp.StateActionOffsets.ToArray();
        _target = new int[mdp.StateActionCount];
        for (int sa = 0; sa < _target.Length; sa++) _target[sa] = mdp.AllSuccessors[mdp.TransitionOffsets[sa]];
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        for (int s = 0; s < _n; s++) graph.AddVertex(s);
        for (int s = 0; s < _n; s++)
            for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
                graph.AddEdge(new SEquatableEdge<int>(s, _target[sa]));
        var components = new Dictionary<int, int>();
        int count = graph.StronglyConnectedComponents(components);
        _componentOf = new int[_n];
        for (int s = 0; s < _n; s++) _componentOf[s] = components[s];
        // Processing order: a topological order of the condensation reversed (every edge goes to an earlier component).
        var exits = new HashSet<int>[count];
        for (int c = 0; c < count; c++) exits[c] = new HashSet<int>();
        for (int s = 0; s < _n; s++)
            for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
            {
                int cs = _componentOf[s], ct = _componentOf[_target[sa]];
                if (cs != ct) exits[cs].Add(ct);
            }
        var order = new List<int>(count);
        var state = new int[count]; // 0 new, 1 on stack, 2 done
        foreach (int c in Enumerable.Range(0, count)) Visit(c);
        void Visit(int c)
        {
            if (state[c] == 2) return;
            var stack = new Stack<(int, IEnumerator<int>)>();
            state[c] = 1;
            stack.Push((c, exits[c].GetEnumerator()));
            while (stack.Count > 0)
            {
                var (x, it) = stack.Peek();
                if (it.MoveNext())
                {
                    int y = it.Current;
                    if (state[y] == 0)
                    {
                        state[y] = 1;
                        stack.Push((y, exits[y].GetEnumerator()));
                    }
                }
                else
                {
                    stack.Pop();
                    state[x] = 2;
                    order.Add(x); // post-order: all exits already added
                }
            }
        }
        var rank = new int[count];
        for (int i = 0; i < count; i++) rank[order[i]] = i;
        for (int s = 0; s < _n; s++) _componentOf[s] = rank[_componentOf[s]];
        _members = new int[count][];
        var memberLists = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        for (int s = 0; s < _n; s++) memberLists[_componentOf[s]].Add(s);
        _localIndex = new int[_n];
        _edgeFrom = new int[count][];
        _edgeTo = new int[count][];
        _exitComponents = new int[count][];
        int maxTable = 0;
        for (int c = 0; c < count; c++)
        {
            _members[c] = memberLists[c].ToArray();
            for (int i = 0; i < _members[c].Length; i++) _localIndex[_members[c][i]] = i;
        }
        for (int c = 0; c < count; c++)
        {
            var edges = new HashSet<(int, int)>();
            var exitSet = new SortedSet<int>();
            foreach (int s in _members[c])
                for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
                {
                    int t = _target[sa];
                    if (_componentOf[t] == c) edges.Add((_localIndex[s], _localIndex[t]));
                    else exitSet.Add(_componentOf[t]);
                }
            var sorted = edges.OrderBy(e => e.Item2).ThenBy(e => e.Item1).ToArray();
            _edgeFrom[c] = sorted.Select(e => e.Item1).ToArray();
            _edgeTo[c] = sorted.Select(e => e.Item2).ToArray();
            _exitComponents[c] = exitSet.ToArray();
            if (exitSet.Any(x => x >= c)) throw new InvalidOperationException("internal error: component order is not topological.");
            if (sorted.Length > 0) maxTable = Math.Max(maxTable, (_members[c].Length + 1) * _members[c].Length);
        }
        _table = new double[maxTable];
        _componentGain = new double[count];
    }

    /// <summary>g*(s) for every state.</summary>
    public double[] Gains(ReadOnlySpan<double> r)
    {
        var value = new double[_n];
        for (int c = 0; c < _members.Length; c++)
        {
            double gain = _edgeFrom[c].Length > 0 ? MaxCycleMean(c, r) : double.NegativeInfinity;
            foreach (int d in _exitComponents[c]) gain = Math.Max(gain, _componentGain[d]);
            _componentGain[c] = gain;
        }
        for (int s = 0; s < _n; s++)
        {
            double g = _componentGain[_componentOf[s]];
            value[s] = g;
        }
        return value;
    }

    /// <summary>Karp's maximum cycle mean of component c, edge u→v weighted r(u), with a zero-weight super source.</summary>
    private double MaxCycleMean(int c, ReadOnlySpan<double> r)
    {
        var members = _members[c];
        int m = members.Length;
        var from = _edgeFrom[c];
        var to = _edgeTo[c];
        var d = _table;
        for (int v = 0; v < m; v++) d[v] = 0;
        for (int k = 1; k <= m; k++)
        {
            int row = k * m, prev = (k - 1) * m;
            for (int v = 0; v < m; v++) d[row + v] = double.NegativeInfinity;
            for (int e = 0; e < from.Length; e++)
            {
                double cand = d[prev + from[e]] + r[members[from[e]]];
                if (cand > d[row + to[e]]) d[row + to[e]] = cand;
            }
        }
        double best = double.NegativeInfinity;
        int last = m * m;
        for (int v = 0; v < m; v++)
        {
            double dm = d[last + v];
            if (double.IsNegativeInfinity(dm)) continue;
            double worst = double.PositiveInfinity;
            for (int k = 0; k < m; k++)
            {
                double dk = d[k * m + v];
                if (double.IsNegativeInfinity(dk)) continue;
                double mean = (dm - dk) / (m - k);
                if (mean < worst) worst = mean;
            }
            if (worst > best) best = worst;
        }
        return best;
    }
}

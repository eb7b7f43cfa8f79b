using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Polytope;

/// <summary>
/// Finds F_nd(s), the non-dominated visit distributions (the vertices of the state-marginal occupancy polytope
/// conv F(s,γ)), without enumerating F(s), and proves the list complete.
/// </summary>
/// <remarks>
/// <para><b>Criterion.</b> Every value function is optimal for some reward: for any V, the reward r = V − γ·max_a T_a V has
/// V*_r = V. So f^{π,s} is non-dominated iff there is a V for which π is <em>strictly</em> greedy at every state c it
/// reaches from s: (T(·|c,π(c)) − T(·|c,b))·V &gt; 0 for every action b with a different row. (If f is the unique optimum
/// for some r, an optimal π must be strictly greedy on its reach set, else switching one reached state gives another
/// optimal policy with a different visit distribution; conversely strict greediness on the reach set makes every policy
/// with another visit distribution strictly worse from s.) γ only scales the inequalities, which is Lemma E.31: the set
/// does not depend on γ.</para>
/// <para><b>Search.</b> A depth-first search assigns actions to states in the order they are first reached (the start
/// first), and keeps a partial assignment σ only while the strict inequalities of the states assigned so far have a
/// common solution V. That test is exact: it holds iff some non-dominated f extends σ (a generic perturbation of such a V
/// has a unique optimal policy, which extends σ; conversely a witness of a leaf satisfies every ancestor's inequalities).
/// So the leaves reached are exactly F_nd(s), each once (non-dominated functions from different leaves differ), and the
/// search is complete when it finishes: that is the proof of completeness. It never visits a subtree without a
/// non-dominated leaf, so its work is at most |F_nd(s)|·|R|·max|A| tests (R: the states reachable from s).</para>
/// <para><b>Tests.</b> On a deterministic MDP the inequalities say V(next_π(c)) &gt; V(next_b(c)): a system of strict
/// order constraints, solvable iff the "preferred-over" graph is acyclic, checked incrementally (method
/// <c>preference-graph</c>). On a stochastic MDP (or with <see cref="NonDominatedSearchOptions.ForceLinearProgram"/>) each
/// new node solves the linear program max t s.t. (T_σ(c) − T_b(c))·V ≥ t, V ∈ [−1,1]^R, t ≤ 1 with OR-Tools GLOP and keeps
/// the node iff t* &gt; ε (method <c>linear-program</c>); a parent's solution is reused when it already satisfies the new
/// inequalities with t &gt; ε.</para>
/// <para><b>Witness.</b> For each leaf, V ∈ [−1,1]^S (longest-path levels of the acyclic preference graph, or the LP's
/// solution re-maximised at the leaf) gives the witness reward r = V − γ·max_a T_a V and the certified action gap
/// min γ·(T_π(c) − T_b(c))·V &gt; 0 (see <see cref="NonDominatedVertex"/>).</para>
/// </remarks>
public static partial class NonDominatedSearch
{
    /// <summary>Runs the search from <paramref name="start"/>.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="start">The start state s.</param>
    /// <param name="gamma">γ ∈ (0,1) at which vectors f(γ) and witness rewards are reported (the set does not depend on it).</param>
    /// <param name="options">Budget and test options (null: defaults).</param>
    public static NonDominatedSet Run(Mdp mdp, int start, double gamma, NonDominatedSearchOptions? options = null)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        Preconditions.CheckOpenDiscount(gamma);
        options ??= new NonDominatedSearchOptions();
        ArgumentNullException.ThrowIfNull(options.Budget, "options.Budget");
        if (options.MaxVertices <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxVertices, $"MaxVertices must be positive; got {options.MaxVertices}.");
        Preconditions.CheckTolerance(options.Tolerance, "options.Tolerance");
        var tree = new ReachablePolicyTree(mdp, start);
        Searcher searcher = mdp.IsDeterministic && !options.ForceLinearProgram
            ? new GraphSearcher(tree, gamma, options.Budget.Start(), options.MaxVertices)
            : new LinearProgramSearcher(tree, gamma, options.Budget.Start(), options.MaxVertices, options.Tolerance);
        tree.Walk(searcher);
        return new NonDominatedSet(mdp, start, gamma, searcher.Vertices.ToArray(), searcher.Meter.Outcome(), searcher.Method);
    }

    /// <summary>Runs the search from a state given by name.</summary>
    public static NonDominatedSet Run(Mdp mdp, string start, double gamma, NonDominatedSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return Run(mdp, mdp.StateIndex(start), gamma, options);
    }

    /// <summary>The witness reward r = V − γ·max_a T_a V (so that V*_r = V).</summary>
    internal static double[] RewardFromValues(Mdp mdp, ReadOnlySpan<double> v, double gamma)
    {
        var backup = new BellmanBackup(mdp);
        var r = new double[mdp.StateCount];
        for (int u = 0; u < r.Length; u++) r[u] = v[u] - gamma * backup.BestExpected(u, v);
        return r;
    }

    /// <summary>min over reached c and representative b ≠ π(c) of γ·(T_π(c) − T_b(c))·V.</summary>
    internal static double ActionGap(ReachablePolicyTree tree, ReadOnlySpan<double> v, double gamma)
    {
        var mdp = tree.Mdp;
        double gap = double.PositiveInfinity;
        foreach (int c in tree.ReachedStates)
        {
            int a = tree.AssignedAction(c);
            double chosen = mdp.ExpectedValue(mdp.FirstStateAction(c) + a, v);
            foreach (int b in tree.Representatives(c))
                if (b != a) gap = Math.Min(gap, gamma * (chosen - mdp.ExpectedValue(mdp.FirstStateAction(c) + b, v)));
        }
        return gap;
    }

    private abstract class Searcher : ReachablePolicyTree.IVisitor
    {
        protected Searcher(ReachablePolicyTree tree, double gamma, SearchMeter meter, int maxVertices)
        {
            MaxVertices = maxVertices;
            Tree = tree;
            Gamma = gamma;
            Meter = meter;
            ReachSetSize = Reachability.AnyPolicy(tree.Mdp, tree.Start).Length;
        }

        protected ReachablePolicyTree Tree { get; }
        protected double Gamma { get; }
        public SearchMeter Meter { get; }
        private int MaxVertices { get; }
        protected int ReachSetSize { get; }
        public List<NonDominatedVertex> Vertices { get; } = new();
        public abstract string Method { get; }
        private readonly Stack<bool> _entered = new();

        public bool StopRequested => Meter.Exhausted;

        public bool Enter(int depth, int state, int action)
        {
            if (!Meter.TryCount())
            {
                _entered.Push(false);
                return false;
            }
            _entered.Push(true);
            return Feasible(depth, state, action);
        }

        public void Leave(int depth, int state, int action)
        {
            if (_entered.Pop()) LeaveCore(depth, state, action);
        }

        protected abstract void LeaveCore(int depth, int state, int action);

        protected abstract bool Feasible(int depth, int state, int action);

        public bool Leaf(ReachablePolicyTree tree)
        {
            if (Meter.Exhausted) return false;
            if (Vertices.Count >= MaxVertices)
            {
                // One more vertex exists than the caller wants: stop, reporting an incomplete result.
                Meter.StopAtResultLimit();
                return false;
            }
            var v = LeafValues();
            var function = new VisitDistributionFunction(tree.Mdp, tree.Start, tree.CurrentActions(),
                tree.ReachedStates.ToArray(), ReachSetSize);
            double gap = ActionGap(tree, v, Gamma);
            if (!(gap > 0))
                throw new InvalidOperationException(
                    $"internal error: the witness of {function} has action gap {gap}, not positive.");
            Vertices.Add(new NonDominatedVertex(function, function.Evaluate(Gamma), RewardFromValues(tree.Mdp, v, Gamma), gap));
            return true;
        }

        protected abstract double[] LeafValues();
    }

    /// <summary>Deterministic MDPs: strict order constraints V(x) &gt; V(y), feasible iff the graph x → y is acyclic.</summary>
    private sealed class GraphSearcher : Searcher
    {
        private readonly List<int>[] _out;
        private readonly Stack<(int From, int Count)> _added = new();
        private readonly int[] _stamp;
        private int _stampValue;
        private readonly Stack<int> _dfs = new();

        public GraphSearcher(ReachablePolicyTree tree, double gamma, SearchMeter meter, int maxVertices)
            : base(tree, gamma, meter, maxVertices)
        {
            int n = tree.Mdp.StateCount;
            _out = new List<int>[n];
            for (int i = 0; i < n; i++) _out[i] = new List<int>();
            _stamp = new int[n];
        }

        public override string Method => "preference-graph";

        private int Next(int state, int action) => Tree.Mdp.Successors(Tree.Mdp.FirstStateAction(state) + action)[0];

        protected override bool Feasible(int depth, int state, int action)
        {
            int x = Next(state, action);
            int added = 0;
            bool ok = true;
            foreach (int b in Tree.Representatives(state))
            {
                if (b == action) continue;
                int y = Next(state, b);
                if (Reaches(y, x))
                {
                    ok = false;
                    break;
                }
                _out[x].Add(y);
                added++;
            }
            _added.Push((x, added));
            return ok;
        }

        protected override void LeaveCore(int depth, int state, int action)
        {
            var (from, count) = _added.Pop();
            _out[from].RemoveRange(_out[from].Count - count, count);
        }

        private bool Reaches(int from, int to)
        {
            if (from == to) return true;
            _stampValue++;
            _dfs.Clear();
            _dfs.Push(from);
            _stamp[from] = _stampValue;
            while (_dfs.Count > 0)
            {
                int u = _dfs.Pop();
                foreach (int w in _out[u])
                {
                    if (w == to) return true;
                    if (_stamp[w] == _stampValue) continue;
                    _stamp[w] = _stampValue;
                    _dfs.Push(w);
                }
            }
            return false;
        }

        protected override double[] LeafValues()
        {
            // Longest-path level in the acyclic graph: level(x) = 1 + max level(y) over x → y (0 at sinks).
            int n = _out.Length;
            var level = new int[n];
            var state = new byte[n]; // 0 new, 1 open, 2 done
            var stack = new Stack<(int Node, int Edge)>();
            int maxLevel = 0;
            for (int s = 0; s < n; s++)
            {
                if (state[s] != 0) continue;
                stack.Push((s, 0));
                state[s] = 1;
                while (stack.Count > 0)
                {
                    var (u, e) = stack.Pop();
                    if (e < _out[u].Count)
                    {
                        stack.Push((u, e + 1));
                        int w = _out[u][e];
                        if (state[w] == 0)
                        {
                            state[w] = 1;
                            stack.Push((w, 0));
                        }
                        else if (state[w] == 1)
                            throw new InvalidOperationException("internal error: the preference graph has a cycle at a leaf.");
                    }
                    else
                    {
                        int l = 0;
                        foreach (int w in _out[u]) l = Math.Max(l, level[w] + 1);
                        level[u] = l;
                        maxLevel = Math.Max(maxLevel, l);
                        state[u] = 2;
                    }
                }
            }
            var v = new double[n];
            if (maxLevel > 0)
                for (int s = 0; s < n; s++) v[s] = -1 + 2.0 * level[s] / maxLevel;
            return v;
        }
    }
}

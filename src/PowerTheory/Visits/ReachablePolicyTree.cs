using PowerTheory.Mdps;

namespace PowerTheory.Visits;

/// <summary>
/// Depth-first walk over the <em>reach-restricted</em> deterministic policies from one start state: the tree assigns an
/// action to each state in the order the states are first reached (the start first), so a leaf is an assignment σ on
/// exactly the set C of states that σ reaches from the start (C closed under σ). Two full policies that agree on C have
/// the same visit distribution from the start, so the leaves stand for all of Π once each. Actions with identical
/// transition rows (T(·|u,a) = T(·|u,b)) give identical visit distributions and are merged: only the lowest-index
/// representative of each class is tried.
/// </summary>
internal sealed class ReachablePolicyTree
{
    private readonly Mdp _mdp;
    private readonly int _start;
    private readonly int[][] _representatives;
    private readonly int[] _assigned;     // action per state, −1 = unassigned
    private readonly bool[] _reached;
    private readonly int[] _frontier;     // states in the order first reached
    private readonly int[] _nextAction;   // per depth: the next representative to try
    private readonly int[] _before;       // per depth: the frontier size before the current action's successors
    private int _frontierCount;

    /// <summary>Receives the walk's events. Return false from <see cref="Enter"/> to prune the subtree.</summary>
    internal interface IVisitor
    {
        /// <summary>Called after (state, action) is assigned at <paramref name="depth"/>; false prunes the subtree.</summary>
        bool Enter(int depth, int state, int action);

        /// <summary>Called when (state, action) is unassigned again.</summary>
        void Leave(int depth, int state, int action);

        /// <summary>Called at a leaf: every reached state has an action. False stops the whole walk.</summary>
        bool Leaf(ReachablePolicyTree tree);

        /// <summary>True once the visitor wants the whole walk stopped (checked after each <see cref="Leave"/>).</summary>
        bool StopRequested => false;
    }

    public ReachablePolicyTree(Mdp mdp, int start)
    {
        _mdp = mdp;
        _start = start;
        int n = mdp.StateCount;
        _representatives = new int[n][];
        for (int s = 0; s < n; s++) _representatives[s] = DistinctActions(mdp, s);
        _assigned = new int[n];
        Array.Fill(_assigned, -1);
        _reached = new bool[n];
        _frontier = new int[n];
        _nextAction = new int[n + 1];
        _before = new int[n + 1];
    }

    public Mdp Mdp => _mdp;

    public int Start => _start;

    /// <summary>The lowest-index representative of each class of actions with identical rows at <paramref name="state"/>.</summary>
    public ReadOnlySpan<int> Representatives(int state) => _representatives[state];

    /// <summary>The action assigned to <paramref name="state"/> (−1 when unassigned / not reached).</summary>
    public int AssignedAction(int state) => _assigned[state];

    /// <summary>The reached states in the order they were first reached (at a leaf: the whole reach set C).</summary>
    public ReadOnlySpan<int> ReachedStates => _frontier.AsSpan(0, _frontierCount);

    /// <summary>A full policy: the assigned actions on C and action 0 elsewhere (irrelevant to the visits from the start).</summary>
    public int[] CurrentActions()
    {
        var a = new int[_assigned.Length];
        for (int s = 0; s < a.Length; s++) a[s] = Math.Max(0, _assigned[s]);
        return a;
    }

    /// <summary>Runs the walk. Returns false when a visitor stopped it early.</summary>
    public bool Walk(IVisitor visitor)
    {
        Array.Fill(_assigned, -1);
        Array.Clear(_reached);
        _frontierCount = 0;
        _reached[_start] = true;
        _frontier[_frontierCount++] = _start;
        return Recurse(0, visitor);
    }

    // The depth-first walk with an explicit stack (a walk is as deep as the reach set, 10⁶ states on a large grid, far
    // beyond the call stack). The order of the Enter / Leave / Leaf calls is that of the recursive definition: at depth
    // d (state u = frontier[d]) each representative a is assigned, u's new successors appended to the frontier, and the
    // walk descends when Enter accepts; depth = frontier size is a leaf; returning from depth d + 1 (or a refused Enter)
    // undoes a and tries the next one. A false from Leaf or StopRequested unwinds every level, calling Leave on each.
    private bool Recurse(int start, IVisitor visitor)
    {
        int depth = start;
        _nextAction[depth] = 0;
        while (true)
        {
            bool keepGoing;
            if (depth == _frontierCount)
            {
                keepGoing = visitor.Leaf(this);
                depth--;
            }
            else
            {
                int u = _frontier[depth];
                var representatives = _representatives[u];
                if (_nextAction[depth] == representatives.Length)
                {
                    if (depth == start) return true;
                    depth--;
                    keepGoing = true;
                }
                else
                {
                    int a = representatives[_nextAction[depth]++];
                    _assigned[u] = a;
                    _before[depth] = _frontierCount;
                    foreach (int v in _mdp.Successors(_mdp.FirstStateAction(u) + a))
                    {
                        if (_reached[v]) continue;
                        _reached[v] = true;
                        _frontier[_frontierCount++] = v;
                    }
                    if (visitor.Enter(depth, u, a))
                    {
                        depth++;
                        _nextAction[depth] = 0;
                        continue;
                    }
                    keepGoing = true;
                }
            }
            // Undo the action of level `depth` (whose subtree is finished) and decide whether to go on.
            if (!Undo(depth, visitor, keepGoing))
            {
                while (depth > start) Undo(--depth, visitor, false);
                return false;
            }
        }
    }

    private bool Undo(int depth, IVisitor visitor, bool keepGoing)
    {
        int u = _frontier[depth];
        visitor.Leave(depth, u, _assigned[u]);
        while (_frontierCount > _before[depth]) _reached[_frontier[--_frontierCount]] = false;
        _assigned[u] = -1;
        return keepGoing && !visitor.StopRequested;
    }

    /// <summary>The lowest-index representative of each class of actions with identical transition rows.</summary>
    internal static int[] DistinctActions(Mdp mdp, int state)
    {
        var result = new List<int>();
        int first = mdp.FirstStateAction(state);
        for (int a = 0; a < mdp.ActionCount(state); a++)
        {
            bool duplicate = false;
            foreach (int b in result)
            {
                if (mdp.Successors(first + a).SequenceEqual(mdp.Successors(first + b))
                    && mdp.Probabilities(first + a).SequenceEqual(mdp.Probabilities(first + b)))
                {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) result.Add(a);
        }
        return result.ToArray();
    }
}

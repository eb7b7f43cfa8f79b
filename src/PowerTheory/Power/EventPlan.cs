using PowerTheory.Mdps;

namespace PowerTheory.Power;

/// <summary>
/// A user event prepared for evaluation from a sample's optimal-action sets (docs/theory.md §1.3), the same way at every
/// γ ∈ [0,1]:
/// <list type="bullet">
/// <item>policy sets: some listed policy π has f^{π,s} = f^{π*,s} for an optimal π* exactly when π takes an optimal
/// action at every state it reaches from s with positive probability (a policy greedy on its reachable set is optimal
/// from s). So the plan keeps, per listed policy, the state-actions it takes on that set;</item>
/// <item>ends-in: some optimal policy from s is absorbed, with probability 1, in a target whose self-loop it takes; this
/// is almost-sure reachability of the "goal" targets (those with an optimal self-loop) through optimal actions,
/// decided by the usual fixed point (shrink the candidate set U to the states that can reach a goal inside U by
/// actions that never leave U, until it is stable).</item>
/// </list>
/// </summary>
internal sealed class EventPlan
{
    private readonly Mdp _mdp;
    private readonly int[][]? _required;      // per listed policy: its state-actions on the states it reaches from s
    private readonly bool[]? _isTarget;
    private readonly int[][]? _selfLoops;     // per target: its self-loop state-actions
    private readonly int[][]? _predecessors;  // per state y: the state-actions with y among their successors

    private EventPlan(Mdp mdp, OptimalityEvent e, int[][]? required, bool[]? isTarget, int[][]? selfLoops, int[][]? predecessors)
    {
        _mdp = mdp;
        Event = e;
        _required = required;
        _isTarget = isTarget;
        _selfLoops = selfLoops;
        _predecessors = predecessors;
    }

    /// <summary>The event.</summary>
    public OptimalityEvent Event { get; }

    /// <summary>Prepares <paramref name="e"/> on <paramref name="mdp"/>.</summary>
    public static EventPlan Create(Mdp mdp, OptimalityEvent e)
    {
        int n = mdp.StateCount;
        if (e.Policies is { } policies)
        {
            var required = new int[policies.Count][];
            for (int k = 0; k < policies.Count; k++)
            {
                var pi = policies[k];
                var reached = Reachability.UnderPolicy(mdp, pi.ActionSpan, e.State);
                required[k] = reached.Select(pi.StateActionAt).ToArray();
            }
            return new EventPlan(mdp, e, required, null, null, null);
        }
        var isTarget = new bool[n];
        var loops = new int[n][];
        foreach (int t in e.Targets!)
        {
            isTarget[t] = true;
            var list = new List<int>();
            for (int sa = mdp.FirstStateAction(t); sa < mdp.FirstStateAction(t) + mdp.ActionCount(t); sa++)
            {
                var succ = mdp.Successors(sa);
                if (succ.Length == 1 && succ[0] == t) list.Add(sa);
            }
            loops[t] = list.ToArray();
        }
        var predecessors = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (int sa = 0; sa < mdp.StateActionCount; sa++)
            foreach (int y in mdp.Successors(sa))
                predecessors[y].Add(sa);
        return new EventPlan(mdp, e, null, isTarget, loops, predecessors.Select(p => p.ToArray()).ToArray());
    }

    /// <summary>Whether the event holds for a sample whose optimal state-actions are <paramref name="optimal"/>.</summary>
    public bool Holds(ReadOnlySpan<bool> optimal, EventScratch scratch)
    {
        if (_required is not null)
        {
            foreach (var required in _required)
            {
                bool all = true;
                foreach (int sa in required)
                    if (!optimal[sa])
                    {
                        all = false;
                        break;
                    }
                if (all) return true;
            }
            return false;
        }
        return AlmostSurelyEndsInTarget(optimal, scratch);
    }

    private bool AlmostSurelyEndsInTarget(ReadOnlySpan<bool> optimal, EventScratch scratch)
    {
        var mdp = _mdp;
        int s = Event.State;
        // U: the states reachable from s through optimal actions.
        long inU = scratch.NextStamp();
        var members = scratch.Members;
        int count = Reachability.Forward(mdp, s, optimal, members, scratch.Stamp, inU);
        while (true)
        {
            // R: the states of U that reach a goal inside U by optimal actions whose successors all lie in U.
            long inR = scratch.NextStamp();
            var queue = scratch.Queue;
            int reached = 0;
            for (int i = 0; i < count; i++)
            {
                int t = members[i];
                if (!_isTarget![t]) continue;
                foreach (int loop in _selfLoops![t])
                    if (optimal[loop])
                    {
                        scratch.Mark[t] = inR;
                        queue[reached++] = t;
                        break;
                    }
            }
            for (int head = 0; head < reached; head++)
            {
                int y = queue[head];
                foreach (int sa in _predecessors![y])
                {
                    int x = mdp.StateOf(sa);
                    if (scratch.Stamp[x] != inU || scratch.Mark[x] == inR || !optimal[sa]) continue;
                    bool inside = true;
                    foreach (int z in mdp.Successors(sa))
                        if (scratch.Stamp[z] != inU)
                        {
                            inside = false;
                            break;
                        }
                    if (!inside) continue;
                    scratch.Mark[x] = inR;
                    queue[reached++] = x;
                }
            }
            if (scratch.Mark[s] != inR) return false;
            if (reached == count) return true;
            // U ← R, and repeat.
            inU = scratch.NextStamp();
            int kept = 0;
            for (int i = 0; i < count; i++)
            {
                int x = members[i];
                if (scratch.Mark[x] != inR) continue;
                scratch.Stamp[x] = inU;
                members[kept++] = x;
            }
            count = kept;
        }
    }
}

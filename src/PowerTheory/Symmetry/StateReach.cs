using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>Reachability in the transition graph of an MDP (an edge x → y when some action at x reaches y with positive
/// probability), as sets, through the library's one forward search (<see cref="Reachability"/>).</summary>
internal static class StateReach
{
    /// <summary>The states reachable from <paramref name="roots"/> (the roots included), as a set.</summary>
    public static HashSet<int> From(Mdp mdp, IEnumerable<int> roots)
    {
        var stamps = new long[mdp.StateCount];
        var order = new int[mdp.StateCount];
        var reached = new HashSet<int>();
        foreach (int root in roots)
        {
            if (reached.Contains(root)) continue;
            int count = Reachability.Forward(mdp, root, default, order, stamps, root + 1L);
            for (int i = 0; i < count; i++) reached.Add(order[i]);
        }
        return reached;
    }

    /// <summary>Reach(s,a): the states reachable with positive probability after taking a at s (docs/theory.md §1.6).</summary>
    public static HashSet<int> AfterAction(Mdp mdp, int state, int action) =>
        From(mdp, mdp.Successors(mdp.StateActionIndex(state, action)).ToArray());
}

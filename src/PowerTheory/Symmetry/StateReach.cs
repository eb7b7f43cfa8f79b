using PowerTheory.Mdps;
using QuikGraph;
using QuikGraph.Algorithms.Search;

namespace PowerTheory.Symmetry;

/// <summary>Reachability in the transition graph of an MDP (an edge x → y when some action at x reaches y with positive
/// probability), by QuikGraph breadth-first search.</summary>
internal static class StateReach
{
    /// <summary>The states reachable from <paramref name="roots"/> (the roots included), as a set.</summary>
    public static HashSet<int> From(Mdp mdp, IEnumerable<int> roots)
    {
        var graph = new AdjacencyGraph<int, Edge<int>>(allowParallelEdges: false);
        for (int x = 0; x < mdp.StateCount; x++) graph.AddVertex(x);
        for (int sa = 0; sa < mdp.StateActionCount; sa++)
            foreach (int y in mdp.Successors(sa))
                if (!graph.ContainsEdge(mdp.StateOf(sa), y)) graph.AddEdge(new Edge<int>(mdp.StateOf(sa), y));
        var reached = new HashSet<int>();
        foreach (int root in roots)
        {
            if (reached.Contains(root)) continue;
            var bfs = new BreadthFirstSearchAlgorithm<int, Edge<int>>(graph);
            bfs.DiscoverVertex += v => reached.Add(v);
            bfs.Compute(root);
        }
        return reached;
    }

    /// <summary>Reach(s,a): the states reachable with positive probability after taking a at s (docs/theory.md §1.6).</summary>
    public static HashSet<int> AfterAction(Mdp mdp, int state, int action) =>
        From(mdp, mdp.Successors(mdp.StateActionIndex(state, action)).ToArray());
}

using QuikGraph;
using QuikGraph.Algorithms;

namespace PowerTheory.Mdps;

/// <summary>
/// The recurrent classes of the Markov chain a deterministic policy induces: its closed strongly connected components
/// (QuikGraph's Tarjan), every other state being transient (docs/theory.md §1.5). The one place the library condenses a
/// policy's chain (deterministic policies, and any chain given by its successors).
/// </summary>
internal static class RecurrentClasses
{
    /// <summary>Finds the recurrent classes of <paramref name="policy"/> (one global state-action per state) on
    /// <paramref name="states"/>, a set closed under the policy's successors (all states, or those reached from a start).
    /// Writes <paramref name="classOf"/>[s] = the class index, numbered in order of first appearance in
    /// <paramref name="states"/>, or −1 for a transient state (only entries of <paramref name="states"/> are written) and
    /// returns the number of classes.</summary>
    public static int Find(Mdp mdp, ReadOnlySpan<int> policy, IReadOnlyList<int> states, Span<int> classOf)
    {
        var actions = policy.ToArray();
        return Find(states, s => mdp.Successors(actions[s]).ToArray(), classOf);
    }

    /// <summary>The same for any chain on <paramref name="states"/> given by its <paramref name="successors"/> (the
    /// states reached with positive probability; e.g. a stochastic policy's chain), closed under them.</summary>
    public static int Find(IReadOnlyList<int> states, Func<int, IEnumerable<int>> successors, Span<int> classOf)
    {
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        foreach (int s in states) graph.AddVertex(s);
        foreach (int s in states)
            foreach (int t in successors(s))
                graph.AddEdge(new SEquatableEdge<int>(s, t));
        var component = new Dictionary<int, int>();
        int count = graph.StronglyConnectedComponents(component);
        var closed = new bool[count];
        Array.Fill(closed, true);
        foreach (var edge in graph.Edges)
            if (component[edge.Target] != component[edge.Source]) closed[component[edge.Source]] = false;
        var classIndex = new int[count];
        Array.Fill(classIndex, -1);
        int classes = 0;
        foreach (int s in states)
        {
            int c = component[s];
            if (!closed[c])
            {
                classOf[s] = -1;
                continue;
            }
            if (classIndex[c] < 0) classIndex[c] = classes++;
            classOf[s] = classIndex[c];
        }
        return classes;
    }
}

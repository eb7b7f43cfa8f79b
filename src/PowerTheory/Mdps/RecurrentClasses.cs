using QuikGraph;
using QuikGraph.Algorithms;

namespace PowerTheory.Mdps;

/// <summary>
/// The recurrent classes of the Markov chain a deterministic policy induces: its closed strongly connected components
/// (QuikGraph's Tarjan), every other state being transient (docs/theory.md §1.5). The one place the library condenses a
/// policy's chain.
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
        var graph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        foreach (int s in states) graph.AddVertex(s);
        foreach (int s in states)
            foreach (int t in mdp.Successors(policy[s]))
                graph.AddEdge(new SEquatableEdge<int>(s, t));
        var component = new Dictionary<int, int>();
        int count = graph.StronglyConnectedComponents(component);
        var closed = new bool[count];
        Array.Fill(closed, true);
        foreach (int s in states)
            foreach (int t in mdp.Successors(policy[s]))
                if (component[t] != component[s]) closed[component[s]] = false;
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

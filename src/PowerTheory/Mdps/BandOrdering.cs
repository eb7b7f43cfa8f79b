namespace PowerTheory.Mdps;

/// <summary>
/// A reverse Cuthill–McKee ordering of the states (Cuthill and McKee 1969; George's reversal): breadth-first from a
/// pseudo-peripheral state over the symmetrised union of every action's transitions, neighbours by increasing degree,
/// then reversed. It keeps connected states close in the order, so every policy's matrix I − γT_π is banded with the
/// reported bandwidths (neither MathNet nor QuikGraph provides this ordering).
/// </summary>
internal sealed class BandOrdering
{
    private BandOrdering(int[] position, int lower, int upper)
    {
        Position = position;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>position[s]: the place of state s in the order.</summary>
    public int[] Position { get; }

    /// <summary>The lower bandwidth: max over transitions s → t of position[s] − position[t].</summary>
    public int Lower { get; }

    /// <summary>The upper bandwidth: max over transitions s → t of position[t] − position[s].</summary>
    public int Upper { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Mdp, BandOrdering> Cache = new();

    /// <summary>Orders the states of <paramref name="mdp"/>. Computed once per MDP instance (the model is immutable) and
    /// shared by every solver and thread that asks: the γ = 1 solvers and each POWER worker used to compute it again.</summary>
    public static BandOrdering Of(Mdp mdp) => Cache.GetValue(mdp, Compute);

    private static BandOrdering Compute(Mdp mdp)
    {
        int n = mdp.StateCount;
        var neighbours = new HashSet<int>[n];
        for (int s = 0; s < n; s++) neighbours[s] = [];
        for (int sa = 0; sa < mdp.StateActionCount; sa++)
        {
            int s = mdp.StateOf(sa);
            foreach (int t in mdp.Successors(sa))
            {
                if (t == s) continue;
                neighbours[s].Add(t);
                neighbours[t].Add(s);
            }
        }
        var adjacency = neighbours.Select(set => set.OrderBy(t => set.Count).ThenBy(t => t).ToArray()).ToArray();
        var degree = adjacency.Select(a => a.Length).ToArray();
        for (int s = 0; s < n; s++) Array.Sort(adjacency[s], (x, y) => degree[x] != degree[y] ? degree[x].CompareTo(degree[y]) : x.CompareTo(y));
        var order = new List<int>(n);
        var placed = new bool[n];
        var level = new int[n];
        while (order.Count < n)
        {
            int root = Enumerable.Range(0, n).Where(s => !placed[s]).MinBy(s => degree[s]);
            // Pseudo-peripheral root: move to a farthest state of smallest degree while the eccentricity grows.
            for (int pass = 0, depth = -1; pass < 8; pass++)
            {
                var (far, eccentricity) = Farthest(adjacency, degree, root, placed, level);
                if (eccentricity <= depth) break;
                depth = eccentricity;
                root = far;
            }
            int head = order.Count;
            order.Add(root);
            placed[root] = true;
            for (; head < order.Count; head++)
                foreach (int t in adjacency[order[head]])
                    if (!placed[t])
                    {
                        placed[t] = true;
                        order.Add(t);
                    }
        }
        order.Reverse();
        var position = new int[n];
        for (int i = 0; i < n; i++) position[order[i]] = i;
        int lower = 0, upper = 0;
        for (int sa = 0; sa < mdp.StateActionCount; sa++)
        {
            int i = position[mdp.StateOf(sa)];
            foreach (int t in mdp.Successors(sa))
            {
                lower = Math.Max(lower, i - position[t]);
                upper = Math.Max(upper, position[t] - i);
            }
        }
        return new BandOrdering(position, lower, upper);
    }

    private static (int State, int Eccentricity) Farthest(int[][] adjacency, int[] degree, int root, bool[] placed, int[] level)
    {
        var queue = new List<int> { root };
        var seen = new HashSet<int> { root };
        level[root] = 0;
        int best = root;
        for (int head = 0; head < queue.Count; head++)
        {
            int x = queue[head];
            if (level[x] > level[best] || (level[x] == level[best] && degree[x] < degree[best])) best = x;
            foreach (int t in adjacency[x])
                if (!placed[t] && seen.Add(t))
                {
                    level[t] = level[x] + 1;
                    queue.Add(t);
                }
        }
        return (best, level[best]);
    }
}

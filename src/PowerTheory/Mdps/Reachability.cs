namespace PowerTheory.Mdps;

/// <summary>
/// The one forward reachability search of the library: breadth-first from a start state through a chosen set of
/// state-actions (all of them, one policy's, or a per-sample set such as the optimal actions), following every
/// successor with positive probability.
/// </summary>
internal static class Reachability
{
    /// <summary>Marks the states reachable from <paramref name="start"/> through the state-actions with
    /// <paramref name="allowed"/>[sa] = true (every state-action when <paramref name="allowed"/> is empty): each reached
    /// state x gets <paramref name="stamps"/>[x] = <paramref name="mark"/> and is listed in <paramref name="order"/>
    /// (breadth-first, start first). Returns how many were reached. Allocation-free.</summary>
    public static int Forward(Mdp mdp, int start, ReadOnlySpan<bool> allowed, Span<int> order, Span<long> stamps, long mark)
    {
        var offsets = mdp.StateActionOffsets;
        bool all = allowed.IsEmpty;
        int count = 0;
        order[count++] = start;
        stamps[start] = mark;
        for (int head = 0; head < count; head++)
        {
            int x = order[head];
            for (int sa = offsets[x]; sa < offsets[x + 1]; sa++)
            {
                if (!all && !allowed[sa]) continue;
                foreach (int y in mdp.Successors(sa))
                    if (stamps[y] != mark)
                    {
                        stamps[y] = mark;
                        order[count++] = y;
                    }
            }
        }
        return count;
    }

    /// <summary>The states reachable from <paramref name="start"/> under some policy (any action), ascending.</summary>
    public static int[] AnyPolicy(Mdp mdp, int start)
    {
        var stamps = new long[mdp.StateCount];
        var order = new int[mdp.StateCount];
        int count = Forward(mdp, start, default, order, stamps, 1);
        var reached = order.AsSpan(0, count).ToArray();
        Array.Sort(reached);
        return reached;
    }

    /// <summary>The states a deterministic policy (local action index per state) reaches from <paramref name="start"/>,
    /// in breadth-first order.</summary>
    public static int[] UnderPolicy(Mdp mdp, ReadOnlySpan<int> actions, int start)
    {
        var allowed = new bool[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++) allowed[mdp.FirstStateAction(s) + actions[s]] = true;
        var stamps = new long[mdp.StateCount];
        var order = new int[mdp.StateCount];
        int count = Forward(mdp, start, allowed, order, stamps, 1);
        return order.AsSpan(0, count).ToArray();
    }
}

using System.Runtime.CompilerServices;
namespace PowerTheory.Solvers;

/// <summary>
/// Exact evaluation on a functional graph (every state has exactly one successor next(s)), which is what a deterministic
/// policy induces on a deterministic MDP. Values follow paths to cycles: on a cycle c₀…c_{L−1},
/// V(c₀) = Σ_{k&lt;L} γ^k r(c_k) / (1 − γ^L), and off the cycle V(s) = r(s) + γ·V(next(s)). O(n), allocation-free.
/// </summary>
internal static class FunctionalGraph
{
    /// <summary>Solves V = r + γ·V∘next exactly.</summary>
    /// <param name="next">next(s) for each state.</param>
    /// <param name="rewards">r(s).</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="values">Output V (length n).</param>
    /// <param name="mark">Work array of length n.</param>
    /// <param name="path">Work array of length n.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(ReadOnlySpan<int> next, ReadOnlySpan<double> rewards, double gamma,
        Span<double> values, Span<int> mark, Span<int> path)
    {
        int n = next.Length;
        // mark: 0 = unvisited, -1 = done, k+1 = on the current path at position k
        mark[..n].Clear();
        for (int start = 0; start < n; start++)
        {
            if (mark[start] != 0) continue;
            int len = 0;
            int s = start;
            while (mark[s] == 0)
            {
                mark[s] = len + 1;
                path[len++] = s;
                s = next[s];
            }
            int stop; // path positions [0, stop) still need values, walking backwards
            if (mark[s] > 0)
            {
                // A new cycle: path[c..len).
                int c = mark[s] - 1;
                double sum = 0, power = 1;
                for (int k = c; k < len; k++)
                {
                    sum += power * rewards[path[k]];
                    power *= gamma;
                }
                values[path[c]] = sum / (1 - power);
                mark[path[c]] = -1;
                for (int k = len - 1; k > c; k--)
                {
                    int x = path[k];
                    values[x] = rewards[x] + gamma * values[next[x]];
                    mark[x] = -1;
                }
                stop = c;
            }
            else
            {
                stop = len;
            }
            for (int k = stop - 1; k >= 0; k--)
            {
                int x = path[k];
                values[x] = rewards[x] + gamma * values[next[x]];
                mark[x] = -1;
            }
        }
    }

    /// <summary>
    /// The visit distribution from <paramref name="start"/>: f = Σ_{prefix} γ^t e_{s_t} + γ^k/(1−γ^L)·Σ_j γ^j e_{c_j}.
    /// </summary>
    public static void Visits(ReadOnlySpan<int> next, int start, double gamma, Span<double> visits)
    {
        int n = next.Length;
        visits[..n].Clear();
        var position = new int[n];
        Array.Fill(position, -1);
        int t = 0;
        int s = start;
        while (position[s] < 0)
        {
            position[s] = t++;
            s = next[s];
        }
        int k = position[s];          // the cycle starts at time k
        int cycleLength = t - k;
        double gammaL = Math.Pow(gamma, cycleLength);
        double power = 1;
        int x = start;
        for (int time = 0; time < t; time++)
        {
            visits[x] += time < k ? power : power / (1 - gammaL);
            power *= gamma;
            x = next[x];
        }
    }
}

using System.Runtime.CompilerServices;
using PowerTheory.Internal;

namespace PowerTheory.Solvers;

/// <summary>
/// Exact evaluation on a functional graph (every state has exactly one successor next(s)), which is what a deterministic
/// policy induces on a deterministic MDP. Values follow paths to cycles (<see cref="FunctionalGraphCycles"/>): on a cycle
/// c₀…c_{L−1}, V(c₀) = Σ_{k&lt;L} γ^k r(c_k) / (1 − γ^L), and otherwise V(s) = r(s) + γ·V(next(s)). O(n), allocation-free.
/// </summary>
internal static class FunctionalGraph
{
    /// <summary>Solves V = r + γ·V∘next exactly.</summary>
    /// <param name="next">next(s) for each state.</param>
    /// <param name="rewards">r(s).</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="values">Output V (length n).</param>
    /// <param name="cycles">Work buffers for the decomposition (at least n nodes).</param>
    
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Evaluate(ReadOnlySpan<int> next, ReadOnlySpan<double> rewards, double gamma,
        Span<double> values, FunctionalGraphCycles cycles)
    {
        cycles.Decompose(next);
        for (int k = 0; k < cycles.CycleCount; k++)
        {
            var cycle = cycles.Cycle(k);
            double sum = 0, power = 1;
            foreach (int c in cycle)
            {
                sum += power * rewards[c];
                power *= gamma;
            }
            values[cycle[0]] = sum / (1 - power);
            for (int i = cycle.Length - 1; i > 0; i--)
            {
                int x = cycle[i];
                values[x] = rewards[x] + gamma * values[next[x]];
            }
        }
        foreach (int x in cycles.Transient) values[x] = rewards[x] + gamma * values[next[x]];
    }

    /// <summary>
    /// The visit distribution from <paramref name="start"/>: f = Σ_{prefix} γ^t e_{s_t} + γ^k/(1−γ^L)·Σ_j γ^j e_{c_j}.
    /// </summary>
    public static void Visits(ReadOnlySpan<int> next, int start, double gamma, Span<double> visits)
    {
        visits[..next.Length].Clear();
        var path = FunctionalGraphCycles.PathToCycle(next, start, out int k); // the cycle starts at time k
        double gammaL = Math.Pow(gamma, path.Length - k);
        double power = 1;
        for (int time = 0; time < path.Length; time++)
        {
            visits[path[time]] += time < k ? power : power / (1 - gammaL);
            power *= gamma;
        }
    }
}

using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// <see cref="LaurentEvaluator"/> on a deterministic MDP, where a policy is a functional graph: every path ends in a
/// cycle. On a cycle c₀…c_{L−1} the gain is the mean reward of the cycle and (I−P)y = b reads y(c_i) − y(c_{i+1}) = b(c_i),
/// fixed up to a constant by P*y = 0, i.e. a zero mean on the cycle; off the cycles y(s) = b(s) + y(next(s)).
/// O(|S|) time per solve and O(|S|) memory, allocation-free after construction.
/// </summary>
internal sealed class FunctionalGraphLaurentEvaluator : LaurentEvaluator
{
    private readonly int[] _target;        // successor of each state-action
    private readonly int[] _next;          // successor of each state under the policy
    private readonly FunctionalGraphCycles _cycles;

    public FunctionalGraphLaurentEvaluator(Mdp mdp)
    {
        if (!mdp.IsDeterministic) throw new ArgumentException("the MDP must be deterministic.", nameof(mdp));
        _target = new int[mdp.StateActionCount];
        for (int sa = 0; sa < _target.Length; sa++) _target[sa] = mdp.Successors(sa)[0];
        _next = new int[mdp.StateCount];
        _cycles = new FunctionalGraphCycles(mdp.StateCount);
    }

    public override void SetPolicy(ReadOnlySpan<int> policy)
    {
        for (int s = 0; s < _next.Length; s++) _next[s] = _target[policy[s]];
        _cycles.Decompose(_next);
    }

    public override void Gain(ReadOnlySpan<double> r, Span<double> gain)
    {
        for (int k = 0; k < _cycles.CycleCount; k++)
        {
            var cycle = _cycles.Cycle(k);
            double sum = 0;
            foreach (int c in cycle) sum += r[c];
            double mean = sum / cycle.Length;
            foreach (int c in cycle) gain[c] = mean;
        }
        foreach (int s in _cycles.Transient) gain[s] = gain[_next[s]];
    }

    public override void Solve(ReadOnlySpan<double> b, Span<double> y)
    {
        for (int k = 0; k < _cycles.CycleCount; k++)
        {
            var cycle = _cycles.Cycle(k);
            double value = 0, sum = 0;
            foreach (int c in cycle)
            {
                y[c] = value;
                sum += value;
                value -= b[c]; // y(next(c)) = y(c) − b(c)
            }
            double mean = sum / cycle.Length;
            foreach (int c in cycle) y[c] -= mean;
        }
        foreach (int s in _cycles.Transient) y[s] = b[s] + y[_next[s]];
    }
}

using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// V^π on a deterministic MDP, exactly up to rounding, in O(|S|): the policy's successor map is a functional graph and
/// <see cref="FunctionalGraph.Evaluate"/> sums each path into its cycle. Allocation-free after construction.
/// </summary>
internal sealed class FunctionalGraphPolicyEvaluator : DiscountedPolicyEvaluator
{
    private readonly int[] _target;
    private readonly int[] _next;
    private readonly FunctionalGraphCycles _cycles;

    public FunctionalGraphPolicyEvaluator(Mdp mdp, double gamma) : base(mdp, gamma)
    {
        if (!mdp.IsDeterministic) throw new ArgumentException("the functional-graph evaluator needs a deterministic MDP.", nameof(mdp));
        _target = new int[mdp.StateActionCount];
        for (int sa = 0; sa < _target.Length; sa++) _target[sa] = mdp.Successors(sa)[0];
        _next = new int[mdp.StateCount];
        _cycles = new FunctionalGraphCycles(mdp.StateCount);
    }

    public override double RelativeRounding => 1e-12;

    /// <summary>4 sweeps: measured on Map20 at γ = 0.99, 1.0–2.0 improvement steps per sample follow (11.8 when
    /// starting from the previous sample's policy instead).</summary>
    public override int WarmStartSweeps => 4;

    
    public override void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        for (int s = 0; s < _next.Length; s++) _next[s] = _target[policy[s]];
        FunctionalGraph.Evaluate(_next, r, Gamma, values, _cycles);
    }
}

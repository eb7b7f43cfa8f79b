using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// V^π on a large stochastic MDP through <see cref="PolicyMatrix"/> (sparse I − γT_π, iterative solve with refinement;
/// any accuracy it had to accept is recorded as a degradation). Allocates per evaluation.
/// </summary>
internal sealed class SparseIterativePolicyEvaluator(Mdp mdp, double gamma) : DiscountedPolicyEvaluator(mdp, gamma)
{
    private readonly int[] _actions = new int[mdp.StateCount];

    public override double RelativeRounding => 1e-11;

    /// <summary>40 sweeps, as for the dense evaluator: a sweep is far cheaper than a sparse solve.</summary>
    public override int WarmStartSweeps => 40;

    public override void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        for (int s = 0; s < _actions.Length; s++) _actions[s] = policy[s] - Mdp.FirstStateAction(s);
        PolicyMatrix.From(Mdp, Policy.Wrap(Mdp, (int[])_actions.Clone()), Gamma).SolveValues(r).CopyTo(values);
    }
}

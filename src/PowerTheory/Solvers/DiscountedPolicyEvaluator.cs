using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Exact evaluation of a deterministic policy at a discount γ ∈ [0,1): V^π = (I − γT_π)⁻¹·r (docs/theory.md §5.1). The
/// swappable part of <see cref="HowardIteration"/>: <see cref="FunctionalGraphPolicyEvaluator"/> on deterministic MDPs
/// (paths to cycles, O(|S|)), <see cref="DenseLuPolicyEvaluator"/> up to <see cref="PolicyMatrix.DenseLimit"/> states,
/// <see cref="SparseIterativePolicyEvaluator"/> above. Policies are given as one global state-action index per state.
/// </summary>
internal abstract class DiscountedPolicyEvaluator(Mdp mdp, double gamma)
{
    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; } = mdp;

    /// <summary>γ.</summary>
    public double Gamma { get; } = gamma;

    /// <summary>The relative rounding error ε of an evaluation: |V − V^π| ≤ ε·max|r|/(1−γ). Howard's loop treats
    /// improvements below this as noise.</summary>
    public abstract double RelativeRounding { get; }

    /// <summary>The Gauss–Seidel sweeps of the warm start that pay for themselves with this evaluator (a sweep costs one
    /// pass over the transitions; see the measurements in each evaluator).</summary>
    public abstract int WarmStartSweeps { get; }

    /// <summary>Writes V^π for <paramref name="policy"/> (global state-actions) and reward r into <paramref name="values"/>.</summary>
    public abstract void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values);

    /// <summary>Forgets any cached factorisation (so results depend only on the calls since).</summary>
    public virtual void Forget() { }

    /// <summary>The evaluator for the MDP's shape: functional graph (deterministic), dense LU (small), sparse iterative.</summary>
    public static DiscountedPolicyEvaluator For(Mdp mdp, double gamma) =>
        mdp.IsDeterministic ? new FunctionalGraphPolicyEvaluator(mdp, gamma)
        : mdp.StateCount <= PolicyMatrix.DenseLimit ? new DenseLuPolicyEvaluator(mdp, gamma)
        : new SparseIterativePolicyEvaluator(mdp, gamma);
}

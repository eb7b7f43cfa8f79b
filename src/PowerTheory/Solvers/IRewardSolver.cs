namespace PowerTheory.Solvers;

/// <summary>
/// Solves one reward vector r on one MDP at one γ ∈ [0,1]; the kernel behind <see cref="RewardBatchSolver"/> and the
/// POWER engine's plug-in. For every state s and state-action sa it fills
/// <list type="bullet">
/// <item><c>futureValues[s]</c> = W(s) = (1−γ)·max_a Σ_s' T(s'|s,a)·V*(s') for γ ∈ (0,1) (= (1−γ)/γ·(V*(s) − r(s)), whose
/// expectation is POWER(s,γ)); its limits max_a Σ_s' T(s'|s,a)·r(s') at γ = 0 and the optimal gain g*(s) at γ = 1;</item>
/// <item><c>optimalActions[sa]</c>: whether some policy of Π*(r,γ) takes the action at its state — for γ ∈ (0,1) by the
/// certified rule (<see cref="ResidualCertificate.MarkOptimal"/>), at γ = 0 and γ = 1 the limits of those sets (docs/theory.md §1.1).</item>
/// </list>
/// Results depend on r alone, not on earlier calls; one instance serves one thread.
/// </summary>
internal interface IRewardSolver
{
    /// <summary>Drops cached work (for example a factorisation); never changes results.</summary>
    void Reset();

    /// <summary>Solves one reward vector.</summary>
    void Solve(ReadOnlySpan<double> r, Span<double> futureValues, Span<bool> optimalActions);

    /// <summary>What the solves so far certified (the default: nothing to certify — exact limit solvers).</summary>
    SolveCertification Certification => default;

    /// <summary>What the solves since the last call certified, forgetting it: the POWER engine takes one summary per block,
    /// so that a run stopped part way reports what its kept blocks certified and nothing of the dropped ones.</summary>
    SolveCertification TakeCertification() => default;
}

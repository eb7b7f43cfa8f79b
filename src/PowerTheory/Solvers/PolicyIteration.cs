using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Howard's policy iteration with exact evaluation: evaluate V^π = (I − γT_π)⁻¹·r exactly (the path-to-cycle formula on
/// deterministic MDPs, an exact linear solve otherwise), then switch each state to an action whose
/// Q(s,a) = r(s) + γ·Σ T(s'|s,a)V^π(s') beats the current one by more than a rounding margin; stop when no state switches.
/// The result is V* up to rounding and is the reference solver of the library.
/// </summary>
public static class PolicyIteration
{
    /// <summary>Solves for V* exactly.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="rewards">r(s), one finite entry per state.</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="initialPolicy">Optional warm start (default: greedy in the immediate successor reward).</param>
    /// <param name="tieTolerance">Relative tolerance for optimal-action ties (default 1e-9).</param>
    /// <param name="maxIterations">A safety cap on improvement steps; exceeding it throws.</param>
    public static OptimalValues Solve(Mdp mdp, ReadOnlySpan<double> rewards, double gamma, Policy? initialPolicy = null,
        double tieTolerance = 1e-9, int maxIterations = 1_000_000)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        Preconditions.CheckDiscount(gamma);
        ValueBounds.Check(mdp, rewards, gamma);
        Preconditions.CheckTolerance(tieTolerance, nameof(tieTolerance));
        if (initialPolicy is not null) PolicyEvaluation.CheckSameMdp(mdp, initialPolicy.Mdp);
        int n = mdp.StateCount;
        var r = rewards.ToArray();
        var howard = new HowardIteration(mdp, gamma);
        if (initialPolicy is not null)
        {
            var start = new int[n];
            for (int s = 0; s < n; s++) start[s] = initialPolicy.StateActionAt(s);
            howard.StartFrom(start);
        }
        else
        {
            howard.WarmStart(r, n >= WarmStartThreshold ? WarmStartSweeps : 0);
        }
        howard.Iterate(r, maxIterations);
        double rMax = 0;
        foreach (var x in r) rMax = Math.Max(rMax, Math.Abs(x));
        double roundingFactor = ResidualCertificate.RoundingFactor(mdp);
        var (v, q, bound, rho) = Certify(mdp, r, gamma, howard, roundingFactor);
        // Howard's loop ignores improvements below its margin ε·max|r|/(1−γ), which can leave a residual whose certified
        // bound exceeds 10⁻⁹·max|r|/(1−γ): continue at a rounding-level margin and certify again (docs/theory.md §5.1).
        if (bound > ResidualCertificate.Target(rMax, gamma))
        {
            howard.Refine(r, 2 * rho, DiscountedRewardSolver.MaxRefinementSteps);
            (v, q, bound, _) = Certify(mdp, r, gamma, howard, roundingFactor);
        }
        var actions = new int[n];
        for (int s = 0; s < n; s++) actions[s] = howard.Policy[s] - mdp.FirstStateAction(s);
        // The reported bound is certified a posteriori from the Bellman residual (MacQueen), whatever evaluator ran.
        return new OptimalValues(mdp, gamma, r, v, q, Policy.Wrap(mdp, actions), ValueMethod.PolicyIteration, howard.Improvements,
            bound, tieTolerance);
    }

    /// <summary>Q and V* = max(V^π, max_a Q) from Howard's values (so that V*(s) = max_a Q*(s,a) holds literally), and
    /// the certified bound on them (<see cref="ResidualCertificate.Certify"/>).</summary>
    private static (double[] V, double[] Q, double Bound, double Rho) Certify(Mdp mdp, double[] r, double gamma,
        HowardIteration howard, double roundingFactor)
    {
        var v = new double[mdp.StateCount];
        var q = new double[mdp.StateActionCount];
        var (bound, _, rho) = ResidualCertificate.Certify(mdp, howard.Backup, gamma, roundingFactor, r, howard.Values, q, v, default);
        return (v, q, bound, rho);
    }

    /// <summary>MDPs with at least this many states start from <see cref="WarmStartSweeps"/> Gauss–Seidel sweeps
    /// (<see cref="HowardIteration.WarmStart(ReadOnlySpan{double}, int)"/>); smaller ones from the policy greedy in the expected next reward. Plain
    /// policy iteration moves a reward's influence one step per improvement when values tie (e.g. a single goal reward),
    /// while a sweep carries values across the whole state space; only the starting point changes, exactness still comes
    /// from policy iteration.</summary>
    internal const int WarmStartThreshold = 4096;

    /// <summary>The number of alternating (forward, backward) Gauss–Seidel sweeps of the warm start for large MDPs.</summary>
    internal const int WarmStartSweeps = 8;
}

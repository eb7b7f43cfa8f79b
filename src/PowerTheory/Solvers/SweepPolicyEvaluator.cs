using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// V^π on a large stochastic MDP by Gauss–Seidel sweeps (<see cref="PolicySweeps"/>) started from the
/// values the caller passes in (Howard's loop passes the previous policy's), stopped once a sweep changes no value by
/// more than <see cref="RelativeRounding"/>·max|r| (so ‖V − V^π‖∞ ≤ γ/(1−γ)·‖ΔV‖∞ is within the contract) or the
/// changes stall at the rounding floor
/// (docs/theory.md §5.1). When the sweeps do not converge within a budget of
/// <see cref="MaxSweepsPerEvaluation"/>, the evaluation goes to an exact <see cref="Fallback"/> and is counted
/// (<see cref="Fallbacks"/>). Whatever the evaluator, the caller certifies the final values by their Bellman residual.
/// </summary>
internal sealed class SweepPolicyEvaluator(Mdp mdp, double gamma, DiscountedPolicyEvaluator fallback)
    : DiscountedPolicyEvaluator(mdp, gamma)
{
    /// <summary>The sweep budget of one evaluation.</summary>
    public const int MaxSweepsPerEvaluation = 5_000;

    private readonly PolicySweeps _sweeps = new(mdp, gamma);

    /// <summary>The evaluator used when the sweeps run out of budget.</summary>
    public DiscountedPolicyEvaluator Fallback { get; } = fallback;

    /// <summary>Evaluations handed to <see cref="Fallback"/>.</summary>
    public long Fallbacks { get; private set; }

    /// <summary>Sweeps run by all evaluations.</summary>
    public long Sweeps { get; private set; }

    public override double RelativeRounding => 1e-12;

    public override int WarmStartSweeps => 40;

    /// <summary>Evaluations are cheap but not free: the modified warm start (a dozen rounds on a 10⁴-state grid).</summary>
    public override int WarmStartRounds => 30;

    public override void Forget() => Fallback.Forget();

    public override void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        double rMax = 0, start = 1 / (1 - Gamma);
        foreach (double x in r) rMax = Math.Max(rMax, Math.Abs(x));
        for (int s = 0; s < values.Length; s++)
            if (!double.IsFinite(values[s])) values[s] = r[s] * start;
        // Stop at ‖ΔV‖∞ ≤ ε·max|r|: then ‖V − V^π‖∞ ≤ γ/(1−γ)·ε·max|r| ≤ ε·max|r|/(1−γ) (the contract), and the Bellman
        // residual the certificate reads is of order ε·max|r| rather than ε·max|r|/(1−γ), so the certified bound
        // (residual/(1−γ)) stays near 10⁻⁹·max|r| even at γ = 0.99 (measured: 9.9e-9 with the looser rule).
        int used = _sweeps.SweepUntil(policy, r, values, MaxSweepsPerEvaluation, RelativeRounding * Math.Max(rMax, 1e-300));
        Sweeps += Math.Abs(used);
        if (used > 0) return;
        Fallbacks++;
        Internal.DegradationScope.Record("a policy evaluation by Gauss–Seidel sweeps ran out of its sweep budget and was redone by the exact fallback");
        Fallback.Evaluate(policy, r, values);
    }
}

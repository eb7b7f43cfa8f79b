using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Exact evaluation of a deterministic policy at a discount γ ∈ [0,1): V^π = (I − γT_π)⁻¹·r (docs/theory.md §5.1). The
/// swappable part of <see cref="HowardIteration"/>: <see cref="FunctionalGraphPolicyEvaluator"/> on deterministic MDPs
/// (paths to cycles, O(|S|)), <see cref="BandedLuPolicyEvaluator"/> on stochastic MDPs whose transition graph has a narrow
/// band, else <see cref="DenseLuPolicyEvaluator"/> up to <see cref="PolicyMatrix.DenseLimit"/> states and
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

    /// <summary>When positive, the warm start is modified policy iteration with up to this many rounds
    /// (<see cref="HowardIteration.ModifiedWarmStart"/>) instead of <see cref="WarmStartSweeps"/> optimality sweeps: for
    /// evaluators whose every evaluation is expensive (a large factorisation). 0 by default.</summary>
    public virtual int WarmStartRounds => 0;

    /// <summary>Writes V^π for <paramref name="policy"/> (global state-actions) and reward r into <paramref name="values"/>.</summary>
    public abstract void Evaluate(ReadOnlySpan<int> policy, ReadOnlySpan<double> r, Span<double> values);

    /// <summary>Forgets any cached factorisation (so results depend only on the calls since).</summary>
    public virtual void Forget() { }

    /// <summary>The largest band (in doubles, 512 MB) a banded factorisation may use.</summary>
    public const long MaxBandDoubles = 64L << 20;

    /// <summary>The largest MDP for which the band ordering is computed (its cost and memory are linear in the transitions).</summary>
    public const int MaxOrderedStates = 200_000;

    /// <summary>The sweeps a Gauss–Seidel evaluation takes (measured: 135–147 on slippery grids of 10³–10⁵ states at
    /// γ = 0.99) and the cost of one swept transition in multiply-adds of a banded factorisation (measured: 2.8 ns against
    /// 0.16 ns, ≈ 17; 20 keeps the factorisation where the two are close). Together they estimate when sweeping beats
    /// factorising (docs/performance.md).</summary>
    public const double SweepsPerEvaluation = 150, SweptTransitionCost = 20;

    /// <summary>The sweeps an evaluation takes at <paramref name="gamma"/>: <see cref="SweepsPerEvaluation"/> at γ = 0.99,
    /// scaled by ln 0.99 / ln γ (each sweep contracts the error by about γ, so the sweeps to a fixed accuracy grow like
    /// 1/(1 − γ)). Without the scaling the warm start of the γ = 1 solver (γ = 1 − 10⁻⁵, about 10³ times the sweeps)
    /// chose sweeps on a 316×316 slippery grid, ran each evaluation into the 5,000-sweep budget and did not finish a
    /// sample in 300 s.</summary>
    public static double SweepsAt(double gamma) =>
        SweepsPerEvaluation * (gamma > 0 && gamma < 1 ? Math.Max(1, Math.Log(0.99) / Math.Log(gamma)) : 1);

    /// <summary>The reverse Cuthill–McKee ordering of <paramref name="mdp"/> when a banded factorisation in it is worth
    /// making: at most <see cref="MaxOrderedStates"/> states, a band of at most <see cref="MaxBandDoubles"/> doubles and a
    /// factorisation cheaper than a dense one (n³/3); null otherwise. The one rule of every banded evaluator and its
    /// memory estimate.</summary>
    public static BandOrdering? BandFits(Mdp mdp)
    {
        int n = mdp.StateCount;
        if (n > MaxOrderedStates) return null;
        var ordering = BandOrdering.Of(mdp);
        return BandedLuPolicyEvaluator.BandSize(mdp, ordering) <= MaxBandDoubles
            && BandedLuPolicyEvaluator.FactorCost(mdp, ordering) < (double)n * n * n / 3 ? ordering : null;
    }

    /// <summary>An upper estimate of the bytes the evaluator <see cref="For"/> picks holds beyond its vectors: the band
    /// of the banded LU (8 bytes per band double), two dense |S|×|S| matrices for the dense LU, the sparse matrix
    /// (16 bytes per transition) otherwise; 0 on deterministic MDPs. Follows the same rule as <see cref="For"/>.</summary>
    public static double EstimateBytes(Mdp mdp)
    {
        if (mdp.IsDeterministic) return 0;
        int n = mdp.StateCount;
        double sparse = 16.0 * mdp.TransitionCount + 80.0 * n;
        if (BandFits(mdp) is { } ordering) return 8.0 * BandedLuPolicyEvaluator.BandSize(mdp, ordering) + sparse;
        return n <= PolicyMatrix.DenseLimit ? 2 * Budgets.MemoryEstimate.DenseMatrix(n) : sparse;
    }

    /// <summary>The evaluator for the MDP's shape: functional graph (deterministic); for stochastic MDPs the banded LU in
    /// reverse Cuthill–McKee order when its band fits in <see cref="MaxBandDoubles"/> and its factorisation costs less
    /// than a dense one and less than an evaluation by sweeps; the sweeps (falling back to the banded or
    /// sparse solve) when they are cheaper; otherwise the dense LU (small) or the sparse iterative solve (large).</summary>
    public static DiscountedPolicyEvaluator For(Mdp mdp, double gamma)
    {
        if (mdp.IsDeterministic) return new FunctionalGraphPolicyEvaluator(mdp, gamma);
        int n = mdp.StateCount;
        double sweepCost = SweepsAt(gamma) * SweptTransitionCost * mdp.TransitionCount / Math.Max(1, mdp.StateActionCount) * n;
        if (BandFits(mdp) is { } ordering)
        {
            var banded = new BandedLuPolicyEvaluator(mdp, gamma, ordering);
            return BandedLuPolicyEvaluator.FactorCost(mdp, ordering) <= sweepCost ? banded : new SweepPolicyEvaluator(mdp, gamma, banded);
        }
        if (n <= PolicyMatrix.DenseLimit) return new DenseLuPolicyEvaluator(mdp, gamma);
        return new SweepPolicyEvaluator(mdp, gamma, new SparseIterativePolicyEvaluator(mdp, gamma));
    }
}

using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The Laurent coefficients of a fixed deterministic policy's value near γ = 1 (docs/theory.md §1.1). With the interest
/// rate ρ = (1−γ)/γ, V^π_γ = (1+ρ)·Σ_{n≥−1} ρⁿ·y_n, where y_{−1} = P*r is the gain, y_0 = Hr the bias and
/// y_n = (−H)ⁿHr; they are the unique solution of the nested equations (I−P)y_{−1} = 0, y_{−1} + (I−P)y_0 = r,
/// y_{n−1} + (I−P)y_n = 0, with P*y_n = 0 for n ≥ 0 (Puterman 1994, §10.2). An evaluator is set to one policy at a time and
/// then answers the two kinds of solve the nested equations need.
/// </summary>
internal abstract class LaurentEvaluator
{
    /// <summary>Prepares for the policy that takes global state-action <paramref name="policy"/>[s] at each state s.</summary>
    public abstract void SetPolicy(ReadOnlySpan<int> policy);

    /// <summary>The gain y_{−1} = P*r: on each recurrent class the stationary mean of r, elsewhere the absorption-weighted
    /// mix of the classes' gains.</summary>
    public abstract void Gain(ReadOnlySpan<double> r, Span<double> gain);

    /// <summary>The solution y of (I−P)y = b with P*y = 0. The right-hand side must be solvable, that is, have zero
    /// stationary mean on every recurrent class (true for b = r − y_{−1} and for b = −y_{n−1}).</summary>
    public abstract void Solve(ReadOnlySpan<double> b, Span<double> y);

    /// <summary>The Laurent evaluator for the MDP's shape: functional graph (deterministic), banded (stochastic with a band
    /// that is cheaper than a dense factorisation and fits in memory), dense otherwise.</summary>
    public static LaurentEvaluator For(Mdp mdp)
    {
        if (mdp.IsDeterministic) return new FunctionalGraphLaurentEvaluator(mdp);
        int n = mdp.StateCount;
        // A dense factorisation holds up to four |S|×|S| matrices; past the memory budget only the banded one can run, so
        // the (linear-cost) band ordering is then computed whatever the size.
        double dense = 4 * Budgets.MemoryEstimate.DenseMatrix(n);
        if (n <= DiscountedPolicyEvaluator.MaxOrderedStates || !Budgets.MemoryBudget.Fits(dense))
        {
            var ordering = BandOrdering.Of(mdp);
            if (BandedLuPolicyEvaluator.BandSize(mdp, ordering) <= DiscountedPolicyEvaluator.MaxBandDoubles
                && BandedLuPolicyEvaluator.FactorCost(mdp, ordering) < (double)n * n * n / 3)
                return new BandedLaurentEvaluator(mdp, ordering);
        }
        Budgets.MemoryBudget.Require(dense,
            $"the exact gamma = 1 limit on this {n}-state stochastic MDP (a dense factorisation: its transition graph has no narrow band)",
            "use a gamma below 1 or a smaller model");
        return new DenseLaurentEvaluator(mdp);
    }
}

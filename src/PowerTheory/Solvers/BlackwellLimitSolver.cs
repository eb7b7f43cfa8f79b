using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The γ → 1 limit per sample (docs/theory.md §1.1, §1.5): futureValues[s] = g*(s), the optimal gain (so POWER(s,1) = E[g*(s)],
/// OPTSP Lemma E.49), and the Blackwell-optimal actions of Π*(R,1), both exact, from <see cref="BlackwellPolicyIteration"/>.
/// </summary>
/// <remarks>
/// Each sample's policy iteration starts from the discounted-optimal policy at γ = <see cref="WarmStartGamma"/>, which
/// is usually Blackwell-optimal already, so one evaluation confirms it. Measured on Map20 (IID uniform rewards, one
/// thread): 29 improvement steps and 0.55 ms per sample from the previous sample's policy; 1.02 steps and 0.05 ms from
/// this start (1.7 steps from γ = 1 − 10⁻⁴, 6.5 from 0.999). On Map20 with slip 0.1 (dense evaluation): 15 steps and
/// 161 ms against 1 step and 26 ms. The start only saves time: exactness comes from the Blackwell iteration.
/// </remarks>
internal sealed class BlackwellLimitSolver : IRewardSolver
{
    /// <summary>The discount of the warm-start solve.</summary>
    internal const double WarmStartGamma = 1 - 1e-5;

    private readonly BlackwellPolicyIteration _solver;
    private readonly DiscountedRewardSolver _start;

    public BlackwellLimitSolver(Mdp mdp, double tolerance)
    {
        _solver = new BlackwellPolicyIteration(mdp, tolerance);
        _start = new DiscountedRewardSolver(mdp, WarmStartGamma, tolerance);
    }

    public void Reset() => _start.Reset();

    /// <summary>
    /// An upper estimate of the bytes one solver holds beyond the per-worker vectors every solver has: the warm-start
    /// evaluator and the Laurent evaluator (each as <see cref="DiscountedPolicyEvaluator.EstimateBytes"/>; the dense
    /// Laurent factorisation holds four |S|×|S| matrices), the iteration's and the propagation's vectors (108 bytes per
    /// state) and its per-pair arrays (13 bytes per state-action, plus the functional graph's successor table).
    /// Measured on the 10⁶-state open grid: peak 1,044 MB against an estimate of 1,094 MB for the whole run.
    /// </summary>
    public static double EstimateBytes(Mdp mdp)
    {
        double evaluator = DiscountedPolicyEvaluator.EstimateBytes(mdp);
        double laurent = mdp.IsDeterministic ? 4.0 * mdp.StateActionCount
            : evaluator >= 2 * Budgets.MemoryEstimate.DenseMatrix(mdp.StateCount) ? 2 * evaluator : evaluator;
        return evaluator + laurent + 108.0 * mdp.StateCount + 13.0 * mdp.StateActionCount;
    }

    public void Solve(ReadOnlySpan<double> r, Span<double> futureValues, Span<bool> optimalActions)
    {
        _start.Optimise(r);
        _solver.StartFrom(_start.Policy);
        _solver.Solve(r, futureValues, optimalActions);
    }
}

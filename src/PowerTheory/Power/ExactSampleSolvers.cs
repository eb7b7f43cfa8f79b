using PowerTheory.Mdps;

namespace PowerTheory.Power;

/// <summary>
/// The default per-sample solvers, exact per sample (docs/theory.md §1.1): the lexicographic γ → 0 limit at γ = 0,
/// Blackwell policy iteration at γ = 1, and policy iteration with exact evaluation (functional graph or dense LU) with
/// the tie rule of <see cref="DiscountedTieRule"/> in between. This is the one place that picks the rule for each γ.
/// </summary>
internal sealed class ExactSampleSolvers : ISampleSolverFactory
{
    public static ExactSampleSolvers Instance { get; } = new();

    public ISampleSolver Create(Mdp mdp, double gamma, double tieTolerance)
    {
        if (gamma == 0) return new DiscountZeroLimitSolver(mdp, tieTolerance);
        if (gamma == 1) return new BlackwellSampleSolver(mdp, tieTolerance);
        return mdp.IsDeterministic
            ? new DeterministicDiscountedSolver(mdp, gamma, tieTolerance)
            : new StochasticDiscountedSolver(mdp, gamma, tieTolerance);
    }
}

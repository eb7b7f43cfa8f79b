using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>The default per-sample solvers: the library's many-rewards entry point <see cref="RewardBatchSolver"/>, exact
/// per sample at every γ ∈ [0,1] (docs/theory.md §1.1).</summary>
internal sealed class ExactSampleSolvers : ISampleSolverFactory
{
    public static ExactSampleSolvers Instance { get; } = new();

    public IRewardSolver Create(Mdp mdp, double gamma, double tieTolerance) => RewardBatchSolver.Create(mdp, gamma, tieTolerance);
}

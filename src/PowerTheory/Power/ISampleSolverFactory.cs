using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>The POWER engine's plug-in point: makes the per-sample solver of one worker thread for one γ.</summary>
internal interface ISampleSolverFactory
{
    /// <summary>A new solver for <paramref name="gamma"/> ∈ [0,1] on <paramref name="mdp"/>, with the engine's relative
    /// tie tolerance.</summary>
    IRewardSolver Create(Mdp mdp, double gamma, double tieTolerance);
}

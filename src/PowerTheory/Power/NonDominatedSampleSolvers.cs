using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>The fast path's solvers (<see cref="PowerOptions.UseNonDominatedSets"/>): for each γ ∈ (0,1] of a run the
/// tables of F_nd(s) (RSD_nd(s) at γ = 1) are built once, up front; γ = 0 needs no tables and uses the exact solver.</summary>
internal sealed class NonDominatedSampleSolvers : ISampleSolverFactory
{
    private readonly Dictionary<double, NonDominatedOracles> _tables = [];

    /// <summary>Builds the tables for every γ &gt; 0 of <paramref name="gammas"/> (throws when a set is over
    /// <paramref name="vertexLimit"/> or not provably complete).</summary>
    public NonDominatedSampleSolvers(Mdp mdp, IEnumerable<double> gammas, int vertexLimit)
    {
        foreach (double g in gammas.Where(g => g > 0).Distinct())
            _tables[g] = NonDominatedOracles.Build(mdp, g, vertexLimit);
    }

    public IRewardSolver Create(Mdp mdp, double gamma, double tieTolerance) =>
        _tables.TryGetValue(gamma, out var tables)
            ? new NonDominatedSampleSolver(mdp, tables, tieTolerance)
            : ExactSampleSolvers.Instance.Create(mdp, gamma, tieTolerance);
}

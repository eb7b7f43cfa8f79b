using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Visits;

namespace PowerTheory.Power;

/// <summary>
/// The precomputed sets behind the POWER engine's optional fast path (<see cref="PowerOptions.UseNonDominatedSets"/>):
/// for every state s, F_nd(s) with its vectors f(γ) for γ ∈ (0,1), or RSD_nd(s) at γ = 1. Per sample,
/// V*_r(s,γ) = max_{f∈F_nd(s)} f(γ)·r (OPTSP Cor. E.11) and the optimal gain g*_r(s) = max_{d∈RSD_nd(s)} d·r
/// (OPTSP Lemma E.49), so no Bellman solve is needed. Built once per run and shared, read-only, by all workers.
/// </summary>
internal sealed class NonDominatedOracles
{
    private NonDominatedOracles(double gamma, NonDominatedValueOracle[] oracles)
    {
        Gamma = gamma;
        Oracles = oracles;
    }

    public double Gamma { get; }

    public NonDominatedValueOracle[] Oracles { get; }

    /// <summary>Builds the tables, or throws with the reason when a set is not provably complete or exceeds the limit.</summary>
    public static NonDominatedOracles Build(Mdp mdp, double gamma, int vertexLimit)
    {
        if (!(gamma > 0 && gamma <= 1))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "the non-dominated fast path serves γ ∈ (0, 1]; γ = 0 needs no solve.");
        var oracles = new NonDominatedValueOracle[mdp.StateCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (gamma < 1)
            {
                var set = NonDominatedSearch.Run(mdp, s, gamma, new NonDominatedSearchOptions { MaxVertices = vertexLimit });
                if (!set.IsComplete)
                    throw new InvalidOperationException(
                        $"the non-dominated fast path needs F_nd(s) for every state, but the search from state '{mdp.StateNames[s]}' " +
                        $"stopped at its budget ({set.Count} vertices found, limit {vertexLimit}); run without UseNonDominatedSets.");
                oracles[s] = NonDominatedValueOracle.From(set);
            }
            else
            {
                RecurrentStateDistributionSet rsd;
                try
                {
                    rsd = RecurrentStateDistributionSet.Enumerate(mdp, s);
                }
                catch (EnumerationBudgetExceededException e)
                {
                    throw new InvalidOperationException(
                        $"the non-dominated fast path at γ = 1 needs RSD(s) for every state: {e.Message} Run without UseNonDominatedSets.", e);
                }
                var nd = rsd.NonDominated();
                if (nd.Count > vertexLimit)
                    throw new InvalidOperationException(
                        $"RSD_nd of state '{mdp.StateNames[s]}' has {nd.Count} elements, more than the fast-path limit {vertexLimit}.");
                oracles[s] = new NonDominatedValueOracle(nd.Select(e => e.Distribution).ToArray());
            }
        }
        return new NonDominatedOracles(gamma, oracles);
    }
}

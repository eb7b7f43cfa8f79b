using PowerTheory.Mdps;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// What a decision-maker is told before it is asked for policies: the MDP, the discount γ ∈ [0,1] it plans (or learns)
/// with, the start state its episodes begin in (learners, satisficers), the run's seed (for design-time randomness such
/// as AUP's auxiliary rewards) and the relative tie tolerance for "equally good" actions.
/// </summary>
/// <param name="Mdp">The MDP.</param>
/// <param name="Gamma">γ ∈ [0,1]; each decision-maker states which γ it accepts.</param>
/// <param name="StartState">The start state s₀ (a state index of <paramref name="Mdp"/>).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="TieTolerance">The relative tie tolerance (positive; default 1e-9).</param>
public sealed record DecisionContext(Mdp Mdp, double Gamma, int StartState, ulong Seed, double TieTolerance = 1e-9)
{
    /// <summary>Throws unless γ lies in the open interval (0,1), naming the decision-maker.</summary>
    /// <exception cref="ArgumentOutOfRangeException">γ ∉ (0,1).</exception>
    public void RequireOpenDiscount(string decisionMaker, string why)
    {
        if (!(Gamma > 0 && Gamma < 1))
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma,
                $"decision-maker '{decisionMaker}' needs γ in (0, 1) ({why}); got {Internal.Preconditions.Format(Gamma)}.");
    }
}

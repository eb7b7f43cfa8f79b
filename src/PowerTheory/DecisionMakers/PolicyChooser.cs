namespace PowerTheory.DecisionMakers;

/// <summary>
/// One thread's instance of a decision-maker: it turns a reward vector R into a stochastic policy π = pol(R, γ). Not
/// thread-safe; the tendency engine makes one per worker thread (<see cref="DecisionMaker.Prepare"/>).
/// </summary>
public abstract class PolicyChooser
{
    /// <summary>Writes π(a|s) for every global state-action index sa = <c>Mdp.FirstStateAction(s) + a</c> into
    /// <paramref name="policy"/> (each state's entries non-negative, summing to 1).</summary>
    /// <param name="rewards">R(s), one entry per state.</param>
    /// <param name="random">This sample's generator (derived from (seed, sample); randomised rules and learners draw from
    /// it, so results do not depend on threads).</param>
    /// <param name="policy">Receives π, |SA| entries.</param>
    /// <returns>True when the policy is the rule's exact answer; false when this sample needed the decision-maker's
    /// documented approximation or fallback (<see cref="DecisionMaker.ApproximationNote"/>), which results count.</returns>
    public abstract bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy);
}

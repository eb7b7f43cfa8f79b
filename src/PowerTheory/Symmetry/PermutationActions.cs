using PowerTheory.Rewards;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// The action of a state permutation φ on the objects of the theory (docs/theory.md §1.6): vectors and sets of vectors
/// (x ↦ P_φ·x), visit-distribution functions (f ↦ φ·f, for every γ), reward vectors (φ·r = P_φ·r: the reward of x moves
/// to φ(x)) and reward distributions (pushforward φ·D).
/// </summary>
public static class PermutationActions
{
    /// <summary>φ·X = {P_φ·x : x ∈ X}, in the order of X.</summary>
    public static IReadOnlyList<double[]> ApplyToSet(this Permutation phi, IEnumerable<IReadOnlyList<double>> set)
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(set);
        return set.Select(x => phi.Apply(x)).ToArray();
    }

    /// <summary>φ·r = P_φ·r: the permuted reward gives φ(x) the reward r(x).</summary>
    public static double[] ApplyToRewards(this Permutation phi, IReadOnlyList<double> rewards)
    {
        ArgumentNullException.ThrowIfNull(phi);
        return phi.Apply(rewards);
    }

    /// <summary>φ·f as a function of γ.</summary>
    /// <exception cref="ArgumentException">φ does not act on the states of f's MDP.</exception>
    public static PermutedVisitFunction ApplyToFunction(this Permutation phi, VisitDistributionFunction f)
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(f);
        if (phi.Size != f.Mdp.StateCount)
            throw new ArgumentException($"φ acts on {phi.Size} indices but the MDP has {f.Mdp.StateCount} states.", nameof(phi));
        return new PermutedVisitFunction(phi, f);
    }

    /// <summary>φ·D, the pushforward of D under r ↦ P_φ·r.</summary>
    public static PermutedRewardDistribution ApplyToDistribution(this Permutation phi, RewardDistribution distribution) =>
        new(phi, distribution);
}

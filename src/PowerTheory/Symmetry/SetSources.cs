using PowerTheory.Budgets;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>The one adapter between the symmetry layer and the set enumerations of Visits/ and Polytope/ (F(s), F_nd(s),
/// RSD(s), RSD_nd(s)): each returns the set, or null with the reason it could not be enumerated within the limit (a node
/// count, and <see cref="Seconds"/> of wall time, so a set that is too large stops promptly instead of holding the finder).</summary>
internal static class SetSources
{
    /// <summary>The discount at which F_nd(s) is searched (the set does not depend on it, Lemma E.31).</summary>
    private const double NonDominatedGamma = 0.5;

    /// <summary>The longest wall time of one enumeration.</summary>
    public const double Seconds = 4;

    /// <summary>The wall time of one enumeration within a search whose budget is <paramref name="budget"/>:
    /// <see cref="Seconds"/>, or half the search's own seconds when those are fewer (a search makes up to two
    /// enumerations in turn, so it stays near its budget: a 1 s tendency certificate took 4 s before).</summary>
    public static double SecondsWithin(SearchBudget budget) => Math.Min(Seconds, budget.MaxSeconds / 2);

    public static (PermutableSet? Set, string? Failure) Functions(Mdp mdp, int start, long limit, double seconds)
    {
        var set = VisitDistributionSet.Enumerate(mdp, start, new SearchBudget(limit, seconds));
        if (!set.IsComplete) return (null, $"F('{mdp.StateNames[start]}') was not enumerated completely: {set.Outcome.Describe()}");
        return (PermutableSet.OfFunctions(mdp, set.Functions, $"F({mdp.StateNames[start]})"), null);
    }

    public static (PermutableSet? Set, string? Failure) NonDominatedFunctions(Mdp mdp, int start, long limit, double seconds)
    {
        var result = NonDominatedSearch.Run(mdp, start, NonDominatedGamma, new NonDominatedSearchOptions { Budget = new SearchBudget(limit, seconds) });
        if (!result.IsComplete)
            return (null, $"the search for F_nd('{mdp.StateNames[start]}') did not prove its list complete: {result.Outcome.Describe()}");
        return (PermutableSet.OfFunctions(mdp, result.Vertices.Select(v => v.Function), $"F_nd({mdp.StateNames[start]})"), null);
    }

    public static (PermutableSet? All, PermutableSet? NonDominated, string? Failure) Recurrent(Mdp mdp, int start, long limit, double seconds)
    {
        var set = RecurrentStateDistributionSet.Enumerate(mdp, start, new SearchBudget(limit, seconds));
        var name = mdp.StateNames[start];
        if (!set.IsComplete) return (null, null, $"RSD('{name}') was not enumerated completely: {set.Outcome.Describe()}");
        return (PermutableSet.OfVectors(mdp, set.Distributions.Select(e => e.Distribution), $"RSD({name})"),
            PermutableSet.OfVectors(mdp, set.NonDominated().Select(e => e.Distribution), $"RSD_nd({name})"), null);
    }
}

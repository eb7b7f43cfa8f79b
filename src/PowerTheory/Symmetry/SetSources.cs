using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>The one adapter between the symmetry layer and the set enumerations of Visits/ and Polytope/ (F(s), F_nd(s),
/// RSD(s), RSD_nd(s)): each returns the set, or null with the reason it could not be enumerated within the limit.</summary>
internal static class SetSources
{
    /// <summary>The discount at which F_nd(s) is searched (the set does not depend on it, Lemma E.31).</summary>
    private const double NonDominatedGamma = 0.5;

    public static (PermutableSet? Set, string? Failure) Functions(Mdp mdp, int start, long limit)
    {
        try
        {
            var set = VisitDistributionSet.Enumerate(mdp, start, limit);
            return (PermutableSet.OfFunctions(mdp, set.Functions, $"F({mdp.StateNames[start]})"), null);
        }
        catch (EnumerationBudgetExceededException e)
        {
            return (null, e.Message);
        }
    }

    public static (PermutableSet? Set, string? Failure) NonDominatedFunctions(Mdp mdp, int start, long limit)
    {
        var result = NonDominatedSearch.Run(mdp, start, NonDominatedGamma, new NonDominatedSearchOptions { MaxNodes = limit });
        if (!result.IsComplete)
            return (null, $"the search for F_nd('{mdp.StateNames[start]}') stopped after {result.NodesExplored} nodes without proving its list complete");
        return (PermutableSet.OfFunctions(mdp, result.Vertices.Select(v => v.Function), $"F_nd({mdp.StateNames[start]})"), null);
    }

    public static (PermutableSet? All, PermutableSet? NonDominated, string? Failure) Recurrent(Mdp mdp, int start, long limit)
    {
        try
        {
            var set = RecurrentStateDistributionSet.Enumerate(mdp, start, limit);
            var name = mdp.StateNames[start];
            return (PermutableSet.OfVectors(mdp, set.Distributions.Select(e => e.Distribution), $"RSD({name})"),
                PermutableSet.OfVectors(mdp, set.NonDominated().Select(e => e.Distribution), $"RSD_nd({name})"), null);
        }
        catch (EnumerationBudgetExceededException e)
        {
            return (null, null, e.Message);
        }
    }
}

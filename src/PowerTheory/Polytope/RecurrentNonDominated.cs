using PowerTheory.Visits;

namespace PowerTheory.Polytope;

/// <summary>RSD_nd(s) = ND(RSD(s)) (OPTSP §E, docs/theory.md §1.5): the recurrent state distributions that strictly
/// maximise the average reward for some reward vector.</summary>
public static class RecurrentNonDominated
{
    /// <summary>The non-dominated elements of <paramref name="set"/>, by the exact LP test of each distribution against
    /// the others (<see cref="NonDominationTest"/>), in the set's order.</summary>
    public static IReadOnlyList<RecurrentStateDistributionSet.Entry> NonDominated(this RecurrentStateDistributionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var entries = set.Distributions;
        var indices = NonDominationTest.NonDominatedIndices(entries.Select(e => e.Distribution).ToArray());
        return indices.Select(i => entries[i]).ToArray();
    }
}

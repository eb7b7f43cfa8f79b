using PowerTheory.Visits;

namespace PowerTheory.Polytope;

/// <summary>Options of <see cref="VertexReport"/>.</summary>
public sealed record VertexReportOptions
{
    /// <summary>The budget (reach-restricted policies) for counting |F(s)| or enumerating RSD(s). Past it the discounted
    /// report leaves <see cref="VertexReport.VisitDistributionCount"/> null; the average report throws.</summary>
    public long EnumerationBudget { get; init; } = VisitDistributionSet.DefaultBudget;

    /// <summary>Options of the non-dominated search (discounted reports).</summary>
    public NonDominatedSearchOptions Search { get; init; } = new();
}

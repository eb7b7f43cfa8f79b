using PowerTheory.Budgets;

namespace PowerTheory.Polytope;

/// <summary>Options of <see cref="VertexReport"/>. The defaults answer within about 10 s: at most 2 s for counting
/// |F(s)| and 8 s for the non-dominated search (or 10 s for enumerating RSD(s)).</summary>
public sealed record VertexReportOptions
{
    /// <summary>The budget (reach-restricted policies and seconds) for counting |F(s)| (discounted reports; past it
    /// <see cref="VertexReport.VisitDistributionCount"/> is null). Default 50,000 policies, 2 s.</summary>
    public SearchBudget CountBudget { get; init; } = new(50_000, 2);

    /// <summary>The budget for enumerating RSD(s) (average reports; past it the report is partial). Default 200,000
    /// policies, 10 s.</summary>
    public SearchBudget EnumerationBudget { get; init; } = new(200_000, 10);

    /// <summary>Options of the non-dominated search (discounted reports). Default 2,000,000 nodes, 8 s, 10,000 vertices.</summary>
    public NonDominatedSearchOptions Search { get; init; } = new() { Budget = new SearchBudget(SearchBudget.DefaultMaxNodes, 8) };
}

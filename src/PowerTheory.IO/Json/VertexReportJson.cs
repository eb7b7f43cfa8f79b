using System.Text.Json;
using System.Text.Json.Serialization;
using PowerTheory.Polytope;

namespace PowerTheory.IO.Json;

/// <summary>
/// The contract of <c>powertheory vertices --format json</c> (docs/cli.md), one object per report:
/// <c>{"state":"S","gamma":G,"gammaSource":"…"|"average":true,"visitDistributionCount":k|null,"nonDominatedCount":m,
/// "complete":bool,"search":{…},"method":"…","degradations":{},"nonDominated":[{"policy":{s:a},"visits":{s:x},
/// "witness":{s:r},"margin":m|null}]}</c>; k is |F(s)| (|RSD(s)| for average reports), null when the count's budget ran
/// out; visits lists the non-zero entries of f(γ) (or d).
/// </summary>
public static class VertexReportJson
{
    /// <summary>Writes one report; <paramref name="gammaSource"/> says where γ came from (discounted reports).</summary>
    public static void Write(Utf8JsonWriter writer, VertexReport report, string? gammaSource = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        JsonSerializer.Serialize(writer, VertexReportContract.From(report, gammaSource), ResultJsonContext.Default.VertexReportContract);
    }
}

/// <summary>The object <see cref="VertexReportJson"/> documents: <c>gamma</c> (and <c>gammaSource</c>) for a discounted
/// report, <c>average: true</c> for a γ = 1 one.</summary>
internal sealed record VertexReportContract(
    string State, double? Gamma, string? GammaSource, bool? Average,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? VisitDistributionCount,
    int NonDominatedCount, bool Complete, SearchOutcomeContract Search, string Method,
    IReadOnlyDictionary<string, long> Degradations, List<VertexEntryContract> NonDominated)
{
    public static VertexReportContract From(VertexReport report, string? gammaSource) => new(
        report.State, report.Gamma, report.Gamma is null ? null : gammaSource, report.Gamma is null ? true : null,
        report.VisitDistributionCount, report.NonDominatedCount, report.IsComplete, SearchOutcomeContract.From(report.Outcome),
        report.Method, report.Degradations,
        report.NonDominated.Select(e => new VertexEntryContract(e.Policy, e.Visits, e.Witness, e.Margin)).ToList());
}

/// <summary>One non-dominated element: its policy, its visit distribution, a witness reward and its margin.</summary>
internal sealed record VertexEntryContract(
    IReadOnlyDictionary<string, string> Policy, IReadOnlyDictionary<string, double> Visits,
    IReadOnlyDictionary<string, double> Witness, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Margin);

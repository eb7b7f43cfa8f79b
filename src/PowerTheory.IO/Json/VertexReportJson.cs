using System.Text.Json;
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
        var w = writer;
        w.WriteStartObject();
        w.WriteString("state", report.State);
        if (report.Gamma is { } g)
        {
            w.WriteNumber("gamma", g);
            if (gammaSource is not null) w.WriteString("gammaSource", gammaSource);
        }
        else w.WriteBoolean("average", true);
        if (report.VisitDistributionCount is { } k) w.WriteNumber("visitDistributionCount", k);
        else w.WriteNull("visitDistributionCount");
        w.WriteNumber("nonDominatedCount", report.NonDominatedCount);
        w.WriteBoolean("complete", report.IsComplete);
        SearchOutcomeJson.Write(w, report.Outcome);
        w.WriteString("method", report.Method);
        DegradationsJson.Write(w, report.Degradations);
        w.WriteStartArray("nonDominated");
        foreach (var e in report.NonDominated)
        {
            w.WriteStartObject();
            w.WriteStartObject("policy");
            foreach (var (s, a) in e.Policy) w.WriteString(s, a);
            w.WriteEndObject();
            w.WriteStartObject("visits");
            foreach (var (s, x) in e.Visits) w.WriteNumber(s, x);
            w.WriteEndObject();
            w.WriteStartObject("witness");
            foreach (var (s, x) in e.Witness) w.WriteNumber(s, x);
            w.WriteEndObject();
            if (e.Margin is { } m) w.WriteNumber("margin", m);
            else w.WriteNull("margin");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

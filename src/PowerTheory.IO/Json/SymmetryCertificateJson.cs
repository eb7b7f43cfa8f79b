using System.Text.Json;
using PowerTheory.Symmetry;

namespace PowerTheory.IO.Json;

/// <summary>
/// The contract of <c>powertheory symmetry --format json</c> (docs/cli.md):
/// <c>{"theorem":"…","statement":"…","holds":bool,"n":k,"summary":"…","involutions":[[["s1","s2"],…],…],
/// "conditions":[{"name":…,"holds":…,"required":…,"detail":…}],"route":"…","search":"exhaustive|budget",
/// "provedAbsent":bool,"searchDetail":{…},"degradations":{}}</c>.
/// </summary>
public static class SymmetryCertificateJson
{
    /// <summary>The JSON text of <paramref name="certificate"/>.</summary>
    public static string ToJson(SymmetryCertificate certificate, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ResultJson.Text(SymmetryCertificateContract.From(certificate), ResultJsonContext.Default.SymmetryCertificateContract, indented);
    }

    /// <summary>Writes <paramref name="certificate"/>.</summary>
    public static void Write(Utf8JsonWriter writer, SymmetryCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(certificate);
        JsonSerializer.Serialize(writer, SymmetryCertificateContract.From(certificate), ResultJsonContext.Default.SymmetryCertificateContract);
    }
}

/// <summary>The object <see cref="SymmetryCertificateJson"/> documents; each involution is a list of swapped state pairs.</summary>
internal sealed record SymmetryCertificateContract(
    string Theorem, string Statement, bool Holds, int N, string Summary, List<List<string[]>> Involutions,
    List<SymmetryConditionContract> Conditions, string Route, string Search, bool ProvedAbsent,
    SearchOutcomeContract SearchDetail, IReadOnlyDictionary<string, long> Degradations)
{
    public static SymmetryCertificateContract From(SymmetryCertificate c) => new(
        c.Theorem, c.Statement, c.Holds, c.N, c.Summary,
        c.Involutions.Select(phi => phi.Select(pair => new[] { pair.First, pair.Second }).ToList()).ToList(),
        c.Conditions.Select(x => new SymmetryConditionContract(x.Name, x.Holds, x.Required, x.Detail)).ToList(),
        c.Route, c.Search.IsComplete ? "exhaustive" : "budget", c.ProvedAbsent, SearchOutcomeContract.From(c.Search),
        c.Degradations);
}

/// <summary>One condition of the theorem: whether it holds, whether the theorem requires it, and why.</summary>
internal sealed record SymmetryConditionContract(string Name, bool Holds, bool Required, string Detail);

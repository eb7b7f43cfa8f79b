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
    public static string ToJson(SymmetryCertificate certificate, bool indented = true) =>
        JsonText.Of(w => Write(w, certificate), indented);

    /// <summary>Writes <paramref name="certificate"/>.</summary>
    public static void Write(Utf8JsonWriter writer, SymmetryCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(certificate);
        var w = writer;
        w.WriteStartObject();
        w.WriteString("theorem", certificate.Theorem);
        w.WriteString("statement", certificate.Statement);
        w.WriteBoolean("holds", certificate.Holds);
        w.WriteNumber("n", certificate.N);
        w.WriteString("summary", certificate.Summary);
        w.WriteStartArray("involutions");
        foreach (var phi in certificate.Involutions)
        {
            w.WriteStartArray();
            foreach (var pair in phi)
            {
                w.WriteStartArray();
                w.WriteStringValue(pair.First);
                w.WriteStringValue(pair.Second);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("conditions");
        foreach (var c in certificate.Conditions)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteBoolean("holds", c.Holds);
            w.WriteBoolean("required", c.Required);
            w.WriteString("detail", c.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("route", certificate.Route);
        w.WriteString("search", certificate.Search.IsComplete ? "exhaustive" : "budget");
        w.WriteBoolean("provedAbsent", certificate.ProvedAbsent);
        SearchOutcomeJson.Write(w, certificate.Search, "searchDetail");
        DegradationsJson.Write(w, certificate.Degradations);
        w.WriteEndObject();
    }
}

using System.Text.Json;
using PowerTheory.Symmetry;

namespace PowerTheory.Serialization;

/// <summary>
/// The contract of <c>powertheory symmetry --format json</c> (docs/cli.md):
/// <c>{"theorem":"…","claim":"…","holds":bool,"n":k,"involutions":[[["s1","s2"],…],…],"conditions":[{"name":…,
/// "holds":…,"required":…,"detail":…}],"conclusions":["…"],"route":"…","search":"exhaustive|budget",
/// "searchDetail":{…},"degradations":{}}</c>.
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
        w.WriteString("claim", certificate.Claim);
        w.WriteBoolean("holds", certificate.Holds);
        w.WriteNumber("n", certificate.N);
        w.WriteStartArray("involutions");
        foreach (var phi in certificate.NamedInvolutions())
        {
            w.WriteStartArray();
            foreach (var (a, b) in phi)
            {
                w.WriteStartArray();
                w.WriteStringValue(a);
                w.WriteStringValue(b);
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
        w.WriteStartArray("conclusions");
        foreach (var c in certificate.Conclusions) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteString("route", certificate.Route);
        w.WriteString("search", certificate.Search.IsComplete ? "exhaustive" : "budget");
        SearchOutcomeJson.Write(w, certificate.Search, "searchDetail");
        DegradationsJson.Write(w, certificate.Degradations);
        w.WriteEndObject();
    }
}

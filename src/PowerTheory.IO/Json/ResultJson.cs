using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PowerTheory.IO.Json;

/// <summary>Serializes a result contract (a record of this folder) through the source-generated
/// <see cref="ResultJsonContext"/>: shortest round-trip numbers, non-ASCII names (state labels) as they are, null members
/// left out unless a contract declares them always written.</summary>
internal static class ResultJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>The text of <paramref name="contract"/>.</summary>
    public static string Text<T>(T contract, JsonTypeInfo<T> type, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
            JsonSerializer.Serialize(writer, contract, type);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

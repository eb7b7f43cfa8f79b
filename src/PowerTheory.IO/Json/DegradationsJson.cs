using System.Text.Json;

namespace PowerTheory.IO.Json;

/// <summary>The <c>degradations</c> member of every result contract: an object {what happened: how many times} listing
/// each fallback, loosened acceptance or budget stop on the way to the result (empty when there was none).</summary>
public static class DegradationsJson
{
    /// <summary>Writes the <c>degradations</c> property.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, long> degradations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(degradations);
        writer.WritePropertyName("degradations");
        JsonSerializer.Serialize(writer, degradations, ResultJsonContext.Default.IReadOnlyDictionaryStringInt64);
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PowerTheory.IO.Json;

/// <summary>Turns a contract writer into text: shortest round-trip numbers, non-ASCII names (state labels) as they are.</summary>
internal static class JsonText
{
    public static string Of(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = indented,
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

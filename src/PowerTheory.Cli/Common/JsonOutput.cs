using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Writes a JSON document to a text writer. Numbers use the shortest text that round-trips to the same double;
/// non-ASCII text (state labels) is written as is; the layout is indented and stable.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the document with <paramref name="write"/> and writes it, followed by a newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

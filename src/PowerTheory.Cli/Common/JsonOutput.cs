using System.Text.Encodings.Web;
using System.Text.Json;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Writes a JSON document to a text writer. Numbers use the shortest text that round-trips to the same double;
/// non-ASCII text (state labels) is written as is; the layout is indented and stable.
/// </summary>
public static class JsonOutput
{
    /// <summary>Builds the document with <paramref name="write"/> and writes it, followed by a newline. Nothing is written
    /// when a number is not finite (a one-line error instead of a serializer message) in a document of up to 16 MB; a
    /// larger one is written as it is built, in bounded memory, and such an error then ends it part way.</summary>
    /// <param name="output">Where the text goes.</param>
    /// <param name="write">Writes the document.</param>
    /// <param name="indented">Indented (the default) or compact, as the command's format documents.</param>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new TextBufferWriter(output);
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Indented = indented,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            write(writer);
        }
        catch (ArgumentException e) when (e.Message.Contains("cannot be written as valid JSON", StringComparison.Ordinal))
        {
            // A safety net: inputs that could overflow are refused earlier (ValueBounds), so this is a defect.
            throw new CliDomainException("a computed value is not finite (NaN or ±Infinity); "
                + (buffer.Started ? "the JSON written so far is incomplete" : "nothing was written") + ". Please report this with the input.");
        }
        buffer.Complete();
        output.WriteLine();
    }
}

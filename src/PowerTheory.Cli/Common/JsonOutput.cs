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

    /// <summary>Builds the document with <paramref name="write"/> and writes it, followed by a newline. Nothing is written
    /// when a number is not finite (a one-line error instead of a serializer message).</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        try
        {
            using var writer = new Utf8JsonWriter(stream, Options);
            write(writer);
        }
        catch (ArgumentException e) when (e.Message.Contains("cannot be written as valid JSON", StringComparison.Ordinal))
        {
            // A safety net: inputs that could overflow are refused earlier (ValueBounds), so this is a defect.
            throw new CliDomainException("a computed value is not finite (NaN or ±Infinity); nothing was written. Please report this with the input.");
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

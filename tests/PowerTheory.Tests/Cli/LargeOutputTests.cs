using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PowerTheory.Cli.Common;

namespace PowerTheory.Tests.Cli;

/// <summary>Per-state output of any size is written as it is made, not built whole: a JSON document above the 16 MB
/// that is held back streams through in chunks and is byte for byte the document built in memory (the oracle), with
/// multi-byte characters split across chunk boundaries intact; a text table above <see cref="RowTable.RenderedRows"/>
/// rows is written row by row in aligned columns.</summary>
public class LargeOutputTests
{
    private static void Document(Utf8JsonWriter w, int rows)
    {
        w.WriteStartArray();
        for (int i = 0; i < rows; i++)
        {
            w.WriteStartObject();
            // Names of 1-, 2-, 3- and 4-byte UTF-8 characters, so that chunk boundaries fall inside characters.
            w.WriteString("state", "s" + i + "é→𝔼" + new string('x', i % 7));
            w.WriteNumber("power", i / 3.0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    [TestCase(10, true)]
    [TestCase(600_000, false)]
    [TestCase(600_000, true)]
    public void JsonStreamsAndEqualsTheDocumentBuiltInMemory(int rows, bool indented)
    {
        using var memory = new MemoryStream();
        using (var w = new Utf8JsonWriter(memory, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Document(w, rows);
        string expected = Encoding.UTF8.GetString(memory.ToArray()) + Environment.NewLine;
        if (rows > 1000) Assert.That(memory.Length, Is.GreaterThan(TextBufferWriter.HoldBytes), "the large case must pass the hold-back size");
        var output = new StringWriter();
        JsonOutput.Write(output, w => Document(w, rows), indented);
        Assert.That(output.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void AFailureInASmallDocumentWritesNothing()
    {
        var output = new StringWriter();
        Assert.Throws<CliDomainException>(() => JsonOutput.Write(output, w =>
        {
            w.WriteStartArray();
            w.WriteNumberValue(double.NaN);
            w.WriteEndArray();
        }));
        Assert.That(output.ToString(), Is.Empty);
    }

    [Test]
    public void ALargeTableIsWrittenRowByRowInAlignedColumns()
    {
        int rows = RowTable.RenderedRows + 1234;
        var output = new StringWriter();
        new RowTable().Column("state").Column("value", rightAligned: true).Column("note")
            .Write(new CliContext(output, TextWriter.Null), rows, i => ["s" + i, (i * 0.5).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "even" : ""]);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.None).SkipLast(1).ToArray();
        Assert.That(lines, Has.Length.EqualTo(rows + 2), "header, rule, one line per row");
        Assert.That(lines[0], Does.StartWith("state"));
        // The value column is right-aligned: every row's value ends at the same column as the header's.
        int end = lines[0].IndexOf("value", StringComparison.Ordinal) + "value".Length;
        for (int i = 0; i < rows; i++)
        {
            string line = lines[i + 2];
            string value = (i * 0.5).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(line, Does.StartWith("s" + i + " "));
            Assert.That(line.Substring(0, end), Does.EndWith(" " + value), $"row {i}: values end where the header does");
            Assert.That(line, Is.EqualTo(line.TrimEnd()), "no trailing spaces");
        }
    }
}

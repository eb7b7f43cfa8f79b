namespace PowerTheory.Cli.Common;

/// <summary>Writes RFC 4180 CSV rows (comma-separated, fields quoted only when they contain a comma, quote or newline).</summary>
public static class CsvOutput
{
    /// <summary>Writes one row.</summary>
    public static void WriteRow(TextWriter output, params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Join(",", fields.Select(Escape)));
    }

    /// <summary>Quotes a field when needed.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}

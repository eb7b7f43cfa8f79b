using System.Text;
using Spectre.Console;

namespace PowerTheory.Cli.Common;

/// <summary>
/// A per-state (or per-row) text table whose rows are made on demand. Up to <see cref="RenderedRows"/> rows it is a
/// Spectre.Console table as every other table of the CLI; above, the same columns are written as plain padded text,
/// row by row, after a first pass that measures the widths — so a table of 10⁷ states takes memory for one row, not
/// for the whole table (Spectre lays a table out in memory before writing it).
/// </summary>
public sealed class RowTable
{
    /// <summary>The most rows rendered as a Spectre.Console table.</summary>
    public const int RenderedRows = 5_000;

    private readonly List<(string Header, bool Right)> _columns = [];

    /// <summary>Adds a column (plain text header; right-aligned for numbers).</summary>
    public RowTable Column(string header, bool rightAligned = false)
    {
        _columns.Add((header, rightAligned));
        return this;
    }

    /// <summary>Writes <paramref name="rows"/> rows, row i's cells (plain text, one per column) from
    /// <paramref name="row"/>.</summary>
    public void Write(CliContext context, int rows, Func<int, string[]> row)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        if (rows <= RenderedRows)
        {
            var table = new Table { Border = TableBorder.Simple };
            foreach (var (header, right) in _columns)
            {
                var column = new TableColumn(Markup.Escape(header));
                table.AddColumn(right ? column.RightAligned() : column);
            }
            for (int i = 0; i < rows; i++) table.AddRow(row(i).Select(Markup.Escape).ToArray());
            context.Write(table);
            return;
        }
        var widths = _columns.Select(c => c.Header.Length).ToArray();
        for (int i = 0; i < rows; i++)
        {
            var cells = Cells(row, i);
            for (int c = 0; c < widths.Length; c++) widths[c] = Math.Max(widths[c], cells[c].Length);
        }
        var line = new StringBuilder();
        WriteLine(context.Out, line, widths, _columns.Select(c => c.Header).ToArray());
        WriteLine(context.Out, line, widths, widths.Select(w => new string('─', w)).ToArray());
        for (int i = 0; i < rows; i++) WriteLine(context.Out, line, widths, Cells(row, i));
    }

    private string[] Cells(Func<int, string[]> row, int i)
    {
        var cells = row(i);
        if (cells.Length != _columns.Count)
            throw new InvalidOperationException($"row {i} has {cells.Length} cells for {_columns.Count} columns.");
        return cells;
    }

    private void WriteLine(TextWriter output, StringBuilder line, int[] widths, string[] cells)
    {
        line.Clear();
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0) line.Append("  ");
            bool last = c == cells.Length - 1;
            if (_columns[c].Right) line.Append(cells[c].PadLeft(widths[c]));
            else line.Append(last ? cells[c] : cells[c].PadRight(widths[c]));
        }
        output.WriteLine(line.ToString().TrimEnd());
    }
}

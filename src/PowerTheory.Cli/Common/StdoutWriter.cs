using System.Text;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Wraps standard output so that a failed write (a full disk, <c>/dev/full</c>, a closed pipe) becomes one usage error
/// that names standard output, instead of a bare "No space left on device".
/// </summary>
internal sealed class StdoutWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // matches the base property's nullability contract
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    public override string ToString() => inner.ToString() ?? "";

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new CliUsageException($"cannot write to standard output: {ErrorText.OneLine(e.Message)}");
        }
    }
}

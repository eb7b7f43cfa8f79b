using Spectre.Console;
using Spectre.Console.Rendering;

namespace PowerTheory.Cli.Common;

/// <summary>The output streams of one run: results go to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output (results).</param>
/// <param name="Error">Standard error (diagnostics and error lines).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// Renders a Spectre.Console widget (e.g. a table) as plain text (no colours, no ANSI codes, 120 columns) to
    /// <see cref="Out"/>, without trailing spaces or surrounding blank lines.
    /// </summary>
    public void Write(IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        using var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = 120;
        console.Write(renderable);
        var lines = buffer.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        foreach (var line in lines) Out.WriteLine(line);
    }

    /// <summary>Writes a diagnostic line to <see cref="Error"/>.</summary>
    public void Diagnostic(string message) => Error.WriteLine(message);
}

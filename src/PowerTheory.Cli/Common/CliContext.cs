using Spectre.Console;

namespace PowerTheory.Cli.Common;

/// <summary>The output streams of one run: results go to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output (results).</param>
/// <param name="Error">Standard error (diagnostics and error lines).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>A Spectre.Console console that renders plain text (no colours, no ANSI codes) to <see cref="Out"/>.</summary>
    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        console.Profile.Width = 120;
        return console;
    }

    /// <summary>Writes a diagnostic line to <see cref="Error"/>.</summary>
    public void Diagnostic(string message) => Error.WriteLine(message);
}

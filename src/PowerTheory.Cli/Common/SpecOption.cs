using System.CommandLine;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Options whose value is a library spec (a decision-maker list, a decision rule), parsed once at parse time by the
/// library's own reader (which reads its registry) into the typed value: a spec the reader refuses gives one line
/// naming the option and the reader's reason (<c>--decision: unknown decision-maker 'x'; known: …</c>).
/// </summary>
public static class SpecOption
{
    /// <summary>Parses the option's value with <paramref name="parse"/>; its <see cref="FormatException"/> (prefixed
    /// with the option's name) or <see cref="CliUsageException"/> (which names the option itself) becomes the parse error.</summary>
    public static Option<T> ParsedWith<T>(this Option<T> option, Func<string, T> parse)
    {
        option.CustomParser = r =>
        {
            string text = r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value;
            try
            {
                return parse(text);
            }
            catch (FormatException e)
            {
                r.AddError($"{option.Name}: {ErrorText.OneLine(e.Message)}");
                return default!;
            }
            catch (CliUsageException e)
            {
                r.AddError(e.Message); // the CLI's own parsers name the option already
                return default!;
            }
        };
        return option;
    }
}

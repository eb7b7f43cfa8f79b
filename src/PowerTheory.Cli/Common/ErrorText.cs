using System.Text;
using System.Text.RegularExpressions;

namespace PowerTheory.Cli.Common;

/// <summary>Turns exception and parser messages into the single line printed after <c>error: </c>.</summary>
public static partial class ErrorText
{
    /// <summary>
    /// Collapses a message to one line: drops the "(Parameter 'x')" and "Actual value was …" decorations that
    /// <see cref="ArgumentException"/> appends, and joins any remaining lines and tabs with single spaces.
    /// </summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = ParameterSuffix().Replace(message, "");
        text = ActualValue().Replace(text, "");
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@" ?\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"\r?\nActual value was [^\r\n]*")]
    private static partial Regex ActualValue();
}

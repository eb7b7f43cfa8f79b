using System.Globalization;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>Shared pieces of the line-based readers (DRN, PRISM): numbered lines without comments, and number parsing
/// whose errors name the line and field.</summary>
internal static class FormatText
{
    /// <summary>The lines of <paramref name="text"/> with 1-based numbers, comments (from <paramref name="comment"/> on)
    /// removed and surrounding white space trimmed; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, string Text)> Lines(string text, string comment)
    {
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw;
            int k = line.IndexOf(comment, StringComparison.Ordinal);
            if (k >= 0) line = line[..k];
            line = line.Trim();
            if (line.Length > 0) yield return (number, line);
        }
    }

    /// <summary>The number of the last line (where "unexpected end of file" errors point).</summary>
    public static int LastLine(string text) => Math.Max(1, text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1));

    /// <summary>Splits a line at runs of white space.</summary>
    public static string[] Tokens(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses a non-negative integer index, or throws naming the line and field.</summary>
    public static int Index(string token, int line, string field)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int v)) return v;
        throw new MdpValidationException(line, field, $"{field} must be a non-negative integer; got '{token}'.");
    }

    /// <summary>Parses a finite number (decimal, or a fraction <c>a/b</c>), or throws naming the line and field.</summary>
    public static double Number(string token, int line, string field)
    {
        int slash = token.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && double.TryParse(token[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(token[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && b != 0 && double.IsFinite(a / b))
        {
            return a / b;
        }
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) return x;
        throw new MdpValidationException(line, field, $"{field} must be a finite number; got '{token}'.");
    }

    /// <summary>Parses a probability in [0, 1], or throws naming the line and field.</summary>
    public static double Probability(string token, int line, string field)
    {
        double p = Number(token, line, field);
        if (p < 0 || p > 1)
            throw new MdpValidationException(line, field, $"{field} {Show(p)} is outside [0, 1].");
        return p;
    }

    /// <summary>The shortest round-trip text of a double.</summary>
    public static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Refuses, at export, a name that a line-based format (tokens split at white space, <c>//</c> comments)
    /// would read back differently: an empty name, white space, or <c>//</c>.</summary>
    /// <exception cref="MdpValidationException">The name cannot be written; the message says why and what to do.</exception>
    public static void CheckWritableName(string format, string what, string name)
    {
        string? why = name.Length == 0 ? "it is empty"
            : name.Any(char.IsWhiteSpace) ? "it contains white space, which separates fields"
            : name.Contains("//", StringComparison.Ordinal) ? "it contains '//', which starts a comment"
            : null;
        if (why is not null)
            throw new MdpValidationException("actions", $"{format} cannot carry the name of {what}: {why}. Rename it, or write canonical JSON (which keeps every name).");
    }

    /// <summary>True for a non-empty list of identifier words separated by single spaces (what DRN and PRISM labels hold).</summary>
    public static bool IsIdentifierList(string label) =>
        label.Length > 0 && label.Split(' ').All(w => w.Length > 0 && (char.IsAsciiLetter(w[0]) || w[0] == '_')
            && w.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));

    /// <summary>Checks that the probabilities of one action sum to 1 within <see cref="Mdp.RowSumTolerance"/>.</summary>
    public static void CheckRowSum(IEnumerable<double> probabilities, int line, string field, string what)
    {
        double sum = probabilities.Sum();
        if (Math.Abs(sum - 1) > Mdp.RowSumTolerance)
            throw new MdpValidationException(line, field, $"the probabilities of {what} sum to {Show(sum)}, expected 1 (within 1e-9).");
    }
}

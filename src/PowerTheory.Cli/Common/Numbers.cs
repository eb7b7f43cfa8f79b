using System.Globalization;

namespace PowerTheory.Cli.Common;

/// <summary>Culture-invariant number parsing and formatting for the command line.</summary>
public static class Numbers
{
    /// <summary>Parses a finite double in invariant culture, or returns false.</summary>
    public static bool TryParseFinite(string? text, out double value)
    {
        if (text is not null
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value))
        {
            return true;
        }
        value = double.NaN;
        return false;
    }

    /// <summary>The shortest text that parses back to the same double (invariant culture).</summary>
    /// <exception cref="CliDomainException">The value is NaN or infinite: output never shows those.</exception>
    public static string RoundTrip(double value) => Finite(value).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A compact human-readable form (up to 10 significant digits).</summary>
    /// <exception cref="CliDomainException">The value is NaN or infinite: output never shows those.</exception>
    public static string Human(double value) => Finite(value).ToString("G10", CultureInfo.InvariantCulture);

    /// <summary><paramref name="digits"/> significant digits (G format: scientific notation only for very small or
    /// very large magnitudes), so that tiny and huge reward scales print meaningfully.</summary>
    /// <exception cref="CliDomainException">The value is NaN or infinite.</exception>
    public static string Significant(double value, int digits) =>
        Finite(value) == 0 ? "0" : value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Finite(double value) => double.IsFinite(value)
        ? value
        : throw new CliDomainException($"a computed value is {value.ToString(CultureInfo.InvariantCulture)}; refusing to print a non-finite number. Please report this with the input.");
}

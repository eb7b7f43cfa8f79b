using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Numeric options parsed once, at parse time, with errors in words: a value that is not a number of the right kind,
/// or outside the option's range, gives one line naming the option, its range and the value given
/// (<c>--samples must be a whole number in [2, 1000000000]; got '1.5'</c>) — never the parser's type names. NaN and ±∞
/// are never accepted.
/// </summary>
public static class NumericOption
{
    /// <summary>A whole-number option in [min, max].</summary>
    public static Option<int> Whole(this Option<int> option, int min, int max)
    {
        option.CustomParser = r => ParseWhole(r, option.Name, min, max) is { } v ? (int)v : default;
        return option;
    }

    /// <summary>An optional whole-number option in [min, max].</summary>
    public static Option<int?> Whole(this Option<int?> option, int min, int max)
    {
        option.CustomParser = r => ParseWhole(r, option.Name, min, max) is { } v ? (int)v : null;
        return option;
    }

    /// <summary>A whole-number option in [min, max].</summary>
    public static Option<long> Whole(this Option<long> option, long min, long max)
    {
        option.CustomParser = r => ParseWhole(r, option.Name, min, max) ?? default;
        return option;
    }

    /// <summary>An optional whole-number option in [min, max].</summary>
    public static Option<long?> Whole(this Option<long?> option, long min, long max)
    {
        option.CustomParser = r => ParseWhole(r, option.Name, min, max);
        return option;
    }

    /// <summary>A whole-number option in [0, 2⁶⁴ − 1].</summary>
    public static Option<ulong> Whole(this Option<ulong> option)
    {
        option.CustomParser = r =>
        {
            var text = Token(r);
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
            r.AddError($"{option.Name} must be a whole number in [0, {ulong.MaxValue}]; got '{text}'.");
            return default;
        };
        return option;
    }

    /// <summary>A finite real option in (min, max] when <paramref name="minExclusive"/>, else [min, max].</summary>
    public static Option<double> Real(this Option<double> option, double min, double max, bool minExclusive = false, string? unit = null)
    {
        option.CustomParser = r => ParseReal(r, option.Name, min, max, minExclusive, unit) ?? default;
        return option;
    }

    /// <summary>An optional finite real option in (min, max] when <paramref name="minExclusive"/>, else [min, max].</summary>
    public static Option<double?> Real(this Option<double?> option, double min, double max, bool minExclusive = false, string? unit = null)
    {
        option.CustomParser = r => ParseReal(r, option.Name, min, max, minExclusive, unit);
        return option;
    }

    private static string Token(ArgumentResult r) => r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value;

    private static string Show(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static long? ParseWhole(ArgumentResult r, string name, long min, long max)
    {
        var text = Token(r);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        r.AddError($"{name} must be a whole number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; got '{text}'.");
        return null;
    }

    private static double? ParseReal(ArgumentResult r, string name, double min, double max, bool minExclusive, string? unit)
    {
        var text = Token(r);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            && (minExclusive ? v > min : v >= min) && v <= max)
        {
            return v;
        }
        r.AddError($"{name} must be a {(unit is null ? "number" : "number of " + unit)} in {(minExclusive ? "(" : "[")}{Show(min)}, {Show(max)}]; got '{text}'.");
        return null;
    }
}

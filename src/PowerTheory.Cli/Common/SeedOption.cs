using System.Globalization;

namespace PowerTheory.Cli.Common;

/// <summary>Parses the <c>--seed</c> value: a whole number in [0, 2⁶⁴ − 1], with an error that names the option.</summary>
public static class SeedOption
{
    /// <summary>Parses the value (null means 0).</summary>
    /// <exception cref="CliUsageException">Not a whole number in range; the message names <c>--seed</c>.</exception>
    public static ulong Parse(string? text)
    {
        if (text is null) return 0;
        if (ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed)) return seed;
        throw new CliUsageException($"--seed must be a whole number in [0, {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}]; got '{text}'.");
    }
}

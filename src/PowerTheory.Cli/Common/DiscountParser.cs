namespace PowerTheory.Cli.Common;

/// <summary>Parses and range-checks discount rates given on the command line.</summary>
public static class DiscountParser
{
    /// <summary>
    /// Parses γ for a discounted computation: a finite number in [0, 1). When <paramref name="text"/> is null, the
    /// MDP file's <c>gamma</c> is used if present; otherwise it is a usage error.
    /// </summary>
    /// <param name="text">The option value, or null when the option was not given.</param>
    /// <param name="fileGamma">The MDP file's default γ, if any.</param>
    /// <param name="optionName">The option name used in messages (default <c>--gamma</c>).</param>
    public static double ParseDiscounted(string? text, double? fileGamma, string optionName = "--gamma")
    {
        if (text is null)
        {
            if (fileGamma is not { } g)
                throw new CliUsageException($"{optionName} is required (the MDP file has no 'gamma' field).");
            if (!(g >= 0 && g < 1))
                throw new CliUsageException(
                    $"the MDP file's gamma must be in [0, 1) for discounted values; got {Numbers.RoundTrip(g)}. Give {optionName}.");
            return g;
        }
        if (!Numbers.TryParseFinite(text, out var gamma))
            throw new CliUsageException($"{optionName} must be a number in [0, 1); got '{text}'.");
        if (!(gamma >= 0 && gamma < 1))
            throw new CliUsageException($"{optionName} must be in [0, 1) for discounted values; got {text.Trim()}.");
        return gamma;
    }
}

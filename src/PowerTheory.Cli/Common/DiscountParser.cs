namespace PowerTheory.Cli.Common;

/// <summary>Parses and range-checks discount rates given on the command line.</summary>
public static class DiscountParser
{
    /// <summary>
    /// Checks γ for a discounted computation: a finite number in [0, 1). When <paramref name="given"/> is null, the
    /// MDP file's <c>gamma</c> is used if present; otherwise it is a usage error.
    /// </summary>
    /// <param name="given">The option's value (a number, parsed by <see cref="DiscountOption.Single"/>), or null when the
    /// option was not given.</param>
    /// <param name="fileGamma">The MDP file's default γ, if any.</param>
    /// <param name="optionName">The option name used in messages (default <c>--gamma</c>).</param>
    public static double ParseDiscounted(double? given, double? fileGamma, string optionName = "--gamma")
    {
        if (given is not { } gamma)
        {
            if (fileGamma is not { } g)
                throw new CliUsageException($"{optionName} is required (the MDP file has no 'gamma' field).");
            if (!(g >= 0 && g < 1))
                throw new CliUsageException(
                    $"the MDP file's gamma must be in [0, 1) for discounted values; got {Numbers.RoundTrip(g)}. Give {optionName}.");
            return g;
        }
        if (!(gamma >= 0 && gamma < 1))
            throw new CliUsageException($"{optionName} must be in [0, 1) for discounted values; got {Numbers.RoundTrip(gamma)}.");
        return gamma;
    }
}

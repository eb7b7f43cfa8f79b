namespace PowerTheory.Cli.Common;

/// <summary>Parses <c>--gamma</c> lists for POWER: comma-separated numbers in [0, 1], where 0 and 1 mean the limits.</summary>
public static class DiscountListParser
{
    /// <summary>Parses e.g. <c>0,0.5,0.9,1</c>; when <paramref name="text"/> is null the MDP file's gamma is used.</summary>
    public static IReadOnlyList<double> Parse(string? text, double? fileGamma, string optionName = "--gamma")
    {
        if (text is null)
        {
            if (fileGamma is not { } g)
                throw new CliUsageException($"{optionName} is required (the MDP file has no 'gamma' field).");
            return [g];
        }
        var list = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Numbers.TryParseFinite(part, out var gamma))
                throw new CliUsageException($"{optionName} must be numbers in [0, 1] separated by commas; got '{part}'.");
            if (!(gamma >= 0 && gamma <= 1))
                throw new CliUsageException($"{optionName} values must be in [0, 1] (0 and 1 are the limits); got {part}.");
            if (list.Contains(gamma))
                throw new CliUsageException($"{optionName} lists {part} twice.");
            list.Add(gamma);
        }
        return list;
    }
}

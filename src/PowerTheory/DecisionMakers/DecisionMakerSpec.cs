
namespace PowerTheory.DecisionMakers;

/// <summary>
/// Reads decision-makers from text: <c>NAME[:KEY=VALUE[,KEY=VALUE…]]</c> — the grammar of the environments — or with
/// ':' between the keys, <c>NAME:KEY=VALUE:KEY=VALUE</c> (keys case-insensitive); a list separated by commas, where a
/// piece that is only KEY=VALUE belongs to the decision-maker before it. The names and their parameters are those of <see cref="DecisionMakerRegistry"/>.
/// </summary>
public static class DecisionMakerSpec
{
    /// <summary>The built-in names, in the order of <see cref="DecisionMakerRegistry.All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = DecisionMakerRegistry.All.Select(e => e.Name).ToArray();

    /// <summary>One example spec per built-in, comma-separated (<c>optimal, random, boltzmann:T=0.1, …</c>), for help texts.</summary>
    public static string Examples => DecisionMakerRegistry.HelpList;

    /// <summary>Every built-in with what it is and its parameters, one block per decision-maker, for help and docs.</summary>
    public static string Reference => string.Join("\n", DecisionMakerRegistry.All.Select(e =>
        $"{e.Name}: {e.Summary}" + string.Concat(e.Parameters.Select(p => "\n  " + p))));

    /// <summary>Parses a comma-separated list of specs.</summary>
    /// <exception cref="FormatException">An empty list, a malformed or unknown spec, a duplicate (the message names it).</exception>
    public static IReadOnlyList<DecisionMaker> ParseList(string specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var parts = Internal.NamedSpec.SplitList(specs, "decision-maker");
        var result = parts.Select(Parse).ToList();
        var duplicate = result.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FormatException($"decision-maker '{duplicate.Key}' is listed twice.");
        return result;
    }

    /// <summary>Parses one spec.</summary>
    /// <exception cref="FormatException">A malformed spec, an unknown name or key, a missing or bad value.</exception>
    public static DecisionMaker Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Internal.NamedSpec parsed;
        try
        {
            parsed = Internal.NamedSpec.Parse(spec);
        }
        catch (FormatException e)
        {
            throw new FormatException($"decision-maker {e.Message}", e);
        }
        string name = parsed.Name;
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parsed.Arguments) args[key] = value;
        var reader = new DecisionMakerArguments(spec, args);
        try
        {
            var entry = DecisionMakerRegistry.Find(name)
                ?? throw new FormatException($"unknown decision-maker '{parsed.Text.Split(':')[0].Trim()}'; known: {string.Join(", ", Names)}.");
            var result = entry.Create(reader);
            reader.CheckAllUsed();
            return result;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"decision-maker '{spec}': {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string message)
    {
        int i = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return i < 0 ? message : message[..i];
    }
}

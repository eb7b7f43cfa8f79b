using System.Globalization;

namespace PowerTheory.Retargeting;

/// <summary>Reads a decision rule from text in the grammar of every named spec (<see cref="Internal.NamedSpec"/>),
/// <c>NAME[:KEY=VALUE]</c>, with the names and parameters of
/// <see cref="DecisionRuleRegistry"/>: <c>optimal</c>, <c>fracoptimal</c>, <c>antiopt</c>, <c>boltzmann:T=1</c>,
/// <c>satisfice:t=3</c>, <c>best-of:k=2</c>, <c>quantiliser:q=0.5</c>.</summary>
public static class DecisionRuleSpec
{
    /// <summary>The accepted forms, for messages and help: <c>optimal, fracoptimal, …, quantiliser:q=&lt;q&gt;</c>.</summary>
    public static string Forms { get; } = string.Join(", ", DecisionRuleRegistry.All.Select(e => e.Form));

    /// <summary>Parses a rule.</summary>
    /// <exception cref="FormatException">An unknown name, a parameter where none is taken, a missing or non-numeric
    /// value, or a value out of range; the message names the text and what was expected.</exception>
    public static IDecisionRule Parse(string? text)
    {
        string spec = (text ?? "").Trim();
        Internal.NamedSpec? parsed;
        try
        {
            parsed = Internal.NamedSpec.Parse(spec);
        }
        catch (FormatException)
        {
            parsed = null;
        }
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        var entry = DecisionRuleRegistry.Find((colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant())
            ?? throw new FormatException($"must be one of {Forms}; got '{spec}'.");
        string name = entry.Name;
        if (entry.Key is null)
        {
            if (parsed is null || parsed.Arguments.Count > 0) throw new FormatException($"'{name}' takes no parameter; got '{spec}'.");
            return entry.Create(0);
        }
        if (parsed is null || parsed.Arguments.Count != 1 || parsed.Get(entry.Key) is not { } valueText
            || !double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value))
            throw new FormatException($"'{name}' needs {entry.Key}=<number>, e.g. {name}:{entry.Key}={(entry.Key == "k" ? "2" : "1")}; got '{spec}'.");
        if (entry.Check?.Invoke(value) is { } error) throw new FormatException($"{error}; got '{spec}'.");
        return entry.Create(value);
    }
}

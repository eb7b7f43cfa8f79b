using System.Globalization;

namespace PowerTheory.Retargeting;

/// <summary>Reads a decision rule from text, <c>NAME[:KEY=VALUE]</c>, with the names and parameters of
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
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        string? parameter = colon < 0 ? null : spec[(colon + 1)..].Trim();
        var entry = DecisionRuleRegistry.Find(name) ?? throw new FormatException($"must be one of {Forms}; got '{spec}'.");
        if (entry.Key is null)
        {
            if (parameter is not null) throw new FormatException($"'{name}' takes no parameter; got '{spec}'.");
            return entry.Create(0);
        }
        string prefix = entry.Key + "=";
        if (parameter is null || !parameter.StartsWith(prefix, StringComparison.Ordinal)
            || !double.TryParse(parameter[prefix.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value))
            throw new FormatException($"'{name}' needs {entry.Key}=<number>, e.g. {name}:{entry.Key}={(entry.Key == "k" ? "2" : "1")}; got '{spec}'.");
        if (entry.Check?.Invoke(value) is { } error) throw new FormatException($"{error}; got '{spec}'.");
        return entry.Create(value);
    }
}

using System.Globalization;
using PowerTheory.Internal;

namespace PowerTheory.Rewards;

/// <summary>
/// A reward law written in the grammar of every named spec (<see cref="NamedSpec"/>): <c>beta:a=2,b=5</c> is
/// <c>beta(2,5)</c>, the keys being the parameter names of the law's signature in <see cref="RewardLawRegistry"/>
/// (<c>uniform:a=0,b=1</c>, <c>normal:mean=0,sd=1</c>, <c>triangular:lower=0,upper=1,mode=0.25</c>). Only a whole spec
/// that is one law takes this form; per-state overrides and ties keep the functional form.
/// </summary>
internal static class KeyedLawForm
{
    /// <summary>Rewrites <c>NAME:KEY=VALUE,…</c> into <c>NAME(v1,…)</c> in signature order; false when
    /// <paramref name="spec"/> is not in the keyed form (it has a parenthesis, a ';', or no ':' after a law name).</summary>
    /// <exception cref="RewardSpecException">A keyed law with a missing, unknown or repeated key, or a value that is not a number.</exception>
    public static bool TryRewrite(string spec, out string functional)
    {
        functional = spec;
        string text = spec.Trim();
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || text.Contains('(') || text.Contains(';')) return false;
        var entry = RewardLawRegistry.Find(text[..colon].Trim().ToLowerInvariant());
        if (entry is null || entry.Arity < 0) return false;
        NamedSpec parsed;
        try
        {
            parsed = NamedSpec.Parse(text);
        }
        catch (FormatException e)
        {
            throw new RewardSpecException($"reward law {e.Message}", text, 0);
        }
        var names = ParameterNames(entry);
        foreach (var (key, _) in parsed.Arguments)
            if (!names.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new RewardSpecException($"reward law '{text}': {entry.Name} has no parameter '{key}'; its parameters are {string.Join(", ", names)} ({entry.Signature}).", key, 0);
        var values = new List<string>(names.Count);
        foreach (var name in names)
        {
            var value = parsed.Get(name)
                ?? throw new RewardSpecException($"reward law '{text}': {name} is missing; write {entry.Name}:{string.Join(",", names.Select(n => n + "=…"))}.", name, 0);
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw new RewardSpecException($"reward law '{text}': {name} must be a number; got '{value}'.", name, 0);
            values.Add(value);
        }
        functional = $"{entry.Name}({string.Join(",", values)})";
        return true;
    }

    /// <summary>The parameter names of a signature such as <c>beta(a,b)</c>.</summary>
    public static IReadOnlyList<string> ParameterNames(RewardLawEntry entry)
    {
        int open = entry.Signature.IndexOf('(');
        return entry.Signature[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}

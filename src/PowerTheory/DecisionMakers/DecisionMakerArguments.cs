using System.Globalization;

namespace PowerTheory.DecisionMakers;

/// <summary>The KEY=VALUE arguments of one decision-maker spec, read by its registry entry: required and optional
/// numbers and strings, each error naming the spec and the key; <see cref="CheckAllUsed"/> refuses a key the entry did
/// not read.</summary>
internal sealed class DecisionMakerArguments(string spec, Dictionary<string, string> args)
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public bool Has(string key) => args.ContainsKey(key);

    public string? String(string key)
    {
        _used.Add(key);
        return args.TryGetValue(key, out var v) ? v : null;
    }

    public double Double(string key)
    {
        string v = Required(key);
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x)
            ? x : throw new FormatException($"decision-maker '{spec}': {key} must be a finite number; got '{v}'.");
    }

    public int Int(string key)
    {
        string v = Required(key);
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int x)
            ? x : throw new FormatException($"decision-maker '{spec}': {key} must be a whole number; got '{v}'.");
    }

    private string Required(string key)
    {
        _used.Add(key);
        if (args.TryGetValue(key, out var v)) return v;
        // A misspelt key (epsilon= for eps=) is named, not just the one that is missing.
        var strangers = args.Keys.Where(k => !_used.Contains(k)).Select(k => $"'{k}'").ToArray();
        throw new FormatException($"decision-maker '{spec}' needs {key}=VALUE"
            + (strangers.Length == 0 ? "." : $"; {string.Join(", ", strangers)} {(strangers.Length == 1 ? "is not one of its parameters" : "are not among its parameters")}."));
    }

    public void CheckAllUsed()
    {
        var unknown = args.Keys.FirstOrDefault(k => !_used.Contains(k));
        if (unknown is not null) throw new FormatException($"decision-maker '{spec}': unknown parameter '{unknown}'.");
    }
}

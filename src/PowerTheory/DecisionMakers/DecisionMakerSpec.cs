using System.Globalization;
using PowerTheory.Budgets;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// Reads decision-makers from text: <c>NAME[:KEY=VALUE[:KEY=VALUE…]]</c> (keys case-insensitive), a list separated by
/// commas. The built-ins:
/// <list type="bullet">
/// <item><c>optimal</c>, <c>random</c>;</item>
/// <item><c>boltzmann:T=0.1</c> (T &gt; 0), <c>epsilon-greedy:eps=0.1</c> (ε ∈ [0,1]), <c>horizon:H=1</c> (H ≥ 1);</item>
/// <item><c>satisfice:q=0.8[:budget=4096]</c> (q ∈ [0,1]; budget = the node limit of the enumeration / draws);</item>
/// <item><c>aup:lambda=0.5[:aux=5][:noop=NAME]</c>;</item>
/// <item><c>qlearning:episodes=200[:steps=N][:alpha=0.5][:eps=1][:epsmin=0.05]</c> and the same for <c>sarsa</c>.</item>
/// </list>
/// </summary>
public static class DecisionMakerSpec
{
    /// <summary>The built-in names.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["optimal", "random", "boltzmann", "epsilon-greedy", "horizon", "satisfice", "aup", "qlearning", "sarsa"];

    /// <summary>Parses a comma-separated list of specs.</summary>
    /// <exception cref="FormatException">An empty list, a malformed or unknown spec, a duplicate (the message names it).</exception>
    public static IReadOnlyList<DecisionMaker> ParseList(string specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var parts = specs.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
            throw new FormatException($"decision-maker list '{specs}' has an empty entry; give NAME[:KEY=VALUE…] separated by commas.");
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
        var parts = spec.Trim().Split(':');
        string name = parts[0].ToLowerInvariant();
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in parts.Skip(1))
        {
            int eq = p.IndexOf('=');
            if (eq <= 0 || eq == p.Length - 1) throw new FormatException($"decision-maker '{spec}': '{p}' is not KEY=VALUE.");
            if (!args.TryAdd(p[..eq].Trim(), p[(eq + 1)..].Trim())) throw new FormatException($"decision-maker '{spec}': '{p[..eq]}' is given twice.");
        }
        var reader = new Reader(spec, args);
        try
        {
            DecisionMaker result = name switch
            {
                "optimal" => DecisionMaker.Optimal,
                "random" => DecisionMaker.Random,
                "boltzmann" => new BoltzmannDecisionMaker(reader.Double("T")),
                "epsilon-greedy" => new EpsilonGreedyDecisionMaker(reader.Double("eps")),
                "horizon" => new HorizonDecisionMaker(reader.Int("H")),
                "satisfice" => new SatisficerDecisionMaker(reader.Double("q"),
                    reader.Has("budget") ? new SearchBudget(maxNodes: reader.Int("budget")) : null),
                "aup" => new AupDecisionMaker(reader.Double("lambda"), reader.Has("aux") ? reader.Int("aux") : 5, reader.String("noop")),
                "qlearning" or "sarsa" => new TabularLearnerDecisionMaker(name == "sarsa", reader.Int("episodes"),
                    reader.Has("steps") ? reader.Int("steps") : null, reader.Has("alpha") ? reader.Double("alpha") : 0.5,
                    reader.Has("eps") ? reader.Double("eps") : 1.0, reader.Has("epsmin") ? reader.Double("epsmin") : 0.05),
                _ => throw new FormatException($"unknown decision-maker '{parts[0]}'; known: {string.Join(", ", Names)}."),
            };
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

    private sealed class Reader(string spec, Dictionary<string, string> args)
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
}

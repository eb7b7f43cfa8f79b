using PowerTheory.Mdps;
using PowerTheory.IO.Formats;

namespace PowerTheory.Cli.Common;

/// <summary>
/// Builds the reward vector r(s) of a command from <c>--reward-vector s0=1,s1=-0.5</c>, from <c>--rewards FILE</c>
/// (a JSON object <c>{state: value}</c>) or, when neither is given, from the MDP file's <c>rewards</c> field.
/// Every state needs a finite value; unknown, duplicate and missing states are errors naming them. In either form
/// the entry <c>*</c> (e.g. <c>*=0</c>) gives the value of every state not listed.
/// </summary>
public static class RewardVectorParser
{
    /// <summary>Resolves the reward vector from the command's options.</summary>
    /// <param name="document">The MDP (its state names) and its stored default reward vector.</param>
    /// <param name="vectorText">The <c>--reward-vector</c> value, or null.</param>
    /// <param name="file">The <c>--rewards</c> file path, or null.</param>
    public static double[] Resolve(MdpDocument document, string? vectorText, string? file)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mdp = document.Mdp;
        if (vectorText is not null && file is not null)
            throw new CliUsageException("give either --reward-vector or --rewards, not both.");
        if (vectorText is not null) return ParseVector(mdp, vectorText);
        if (file is not null) return LoadFile(mdp, file);
        if (document.Rewards is { } r) return r.ToArray();
        throw new CliUsageException(
            "no reward given: pass --reward-vector s=v,... or --rewards FILE (the MDP has no 'rewards' field).");
    }

    /// <summary>Parses <c>s0=1,s1=-0.5,*=0</c>.</summary>
    public static double[] ParseVector(Mdp mdp, string text)
    {
        const string option = "--reward-vector";
        var entries = new List<(string State, double Value)>();
        foreach (var raw in text.Split(','))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
                throw new CliUsageException($"{option} has an empty entry in '{text}'; expected state=value,...");
            int eq = entry.IndexOf('=');
            if (eq <= 0)
                throw new CliUsageException($"{option} entry '{entry}' is not of the form state=value.");
            var state = entry[..eq].Trim();
            var valueText = entry[(eq + 1)..].Trim();
            if (!Numbers.TryParseFinite(valueText, out var value))
                throw new CliUsageException($"{option}: reward of state '{state}' must be a finite number; got '{valueText}'.");
            entries.Add((state, value));
        }
        return Assemble(mdp, entries, option);
    }

    /// <summary>Loads a JSON reward file <c>{state: value}</c>.</summary>
    public static double[] LoadFile(Mdp mdp, string path)
    {
        const string option = "--rewards";
        if (Directory.Exists(path))
            throw new CliUsageException($"{option} '{path}' is a directory, not a JSON reward file {{state: value}}.");
        if (!File.Exists(path))
            throw new CliUsageException($"{option} file '{path}' does not exist.");
        IReadOnlyList<(string State, double Value)> entries;
        try
        {
            entries = RewardVectorFile.Load(path);
        }
        catch (MdpValidationException e)
        {
            throw new CliUsageException($"{option} file '{path}': {ErrorText.OneLine(e.Message)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {option} file '{path}': {ErrorText.OneLine(e.Message)}");
        }
        return Assemble(mdp, entries, $"{option} file '{path}'");
    }

    private static double[] Assemble(Mdp mdp, IEnumerable<(string State, double Value)> entries, string source)
    {
        var r = new double[mdp.StateCount];
        var given = new bool[mdp.StateCount];
        double? rest = null;
        foreach (var (state, value) in entries)
        {
            if (state == "*")
            {
                if (rest is not null) throw new CliUsageException($"{source} gives '*' twice.");
                rest = value;
                continue;
            }
            if (!mdp.TryGetStateIndex(state, out int s))
                throw new CliUsageException($"{source} names unknown state '{state}'.");
            if (given[s]) throw new CliUsageException($"{source} gives state '{state}' twice.");
            r[s] = value;
            given[s] = true;
        }
        var missing = new List<string>();
        for (int s = 0; s < r.Length; s++)
        {
            if (given[s]) continue;
            if (rest is { } v) r[s] = v;
            else missing.Add(mdp.StateNames[s]);
        }
        if (missing.Count > 0)
        {
            var shown = string.Join(", ", missing.Take(10).Select(m => $"'{m}'"));
            var more = missing.Count > 10 ? $" and {missing.Count - 10} more" : "";
            throw new CliUsageException(
                $"{source} gives no reward for state{(missing.Count > 1 ? "s" : "")} {shown}{more}; give every state a value (or '*' for the rest).");
        }
        return r;
    }
}

using System.Text.Json;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// A reward file: one JSON object <c>{state: value, …}</c> (the entry <c>"*"</c> gives the value of every state not
/// listed), read by the same <see cref="JsonTree"/> as every JSON-based format. This reader checks the file's shape and
/// that each value is a finite number; which states it names is checked against the MDP by the caller.
/// </summary>
public static class RewardVectorFile
{
    /// <summary>The entries of a reward file, in file order.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MdpValidationException">The text is not UTF-8, not JSON, not an object, an MDP file, repeats a
    /// key, or has a value that is not a finite number (the message names the state and the line).</exception>
    public static IReadOnlyList<(string State, double Value)> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"reward file '{path}' does not exist.", path);
        return Parse(StrictUtf8.ReadFile(path));
    }

    /// <summary>The entries of reward-file text, in file order.</summary>
    /// <exception cref="MdpValidationException">As for <see cref="Load"/>.</exception>
    public static IReadOnlyList<(string State, double Value)> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonTree.Parse(json);
        if (root.Kind != JsonValueKind.Object)
            throw new MdpValidationException(root.Line, "$", $"a reward file must hold a JSON object {{state: value}}; got {root.KindName}.");
        if (root.TryGet("transitions", out _) || root.TryGet("states", out _))
            throw new MdpValidationException(root.Line, "$",
                "this is an MDP file, not a reward file {state: value}; give it as the MDP argument, or use its 'rewards' field (the default without --rewards).");
        if (root.FirstRepeatedKey() is { } repeated)
            throw new MdpValidationException(repeated.Line, repeated.Key, $"gives state '{repeated.Key}' twice.");
        var entries = new List<(string, double)>(root.Members.Count);
        foreach (var (state, value) in root.Members)
        {
            if (value.Kind != JsonValueKind.Number || !double.IsFinite(value.Number))
                throw new MdpValidationException(value.Line, state, $"reward of state '{state}' must be a finite number; got {value.KindName}.");
            entries.Add((state, value.Number));
        }
        return entries;
    }
}

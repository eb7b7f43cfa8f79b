namespace PowerTheory.Internal;

/// <summary>
/// The one grammar of named specs — environments (<c>open:rows=5,cols=7</c>), decision-makers
/// (<c>boltzmann:T=0.1</c>), decision rules (<c>best-of:k=2</c>) and reward laws in their keyed form
/// (<c>beta:a=2,b=5</c>): <c>NAME</c> or <c>NAME:KEY=VALUE[,KEY=VALUE…]</c>, where ':' may also separate the pairs
/// (<c>NAME:KEY=VALUE:KEY=VALUE</c>). Names are lower-cased; keys keep their spelling and are matched
/// case-insensitively by <see cref="Get"/>; a key may appear once. One error style: <c>'TEXT': what is wrong; the
/// form expected</c>, as a <see cref="FormatException"/>.
/// </summary>
/// <param name="Text">The spec as written (trimmed).</param>
/// <param name="Name">NAME, lower-cased.</param>
/// <param name="Arguments">The KEY=VALUE pairs in order, keys and values trimmed.</param>
public sealed record NamedSpec(string Text, string Name, IReadOnlyList<KeyValuePair<string, string>> Arguments)
{
    /// <summary>The form every message names.</summary>
    public const string Form = "NAME[:KEY=VALUE,KEY=VALUE…]";

    /// <summary>Parses one spec.</summary>
    /// <exception cref="FormatException">An empty name, a piece that is not KEY=VALUE, an empty key or value, or a key
    /// given twice.</exception>
    public static NamedSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string spec = text.Trim();
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        if (name.Length == 0) throw new FormatException($"'{spec}': the name is missing; write {Form}.");
        var arguments = new List<KeyValuePair<string, string>>();
        if (colon >= 0)
        {
            foreach (var raw in spec[(colon + 1)..].Split([':', ',']))
            {
                string piece = raw.Trim();
                int eq = piece.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == piece.Length - 1 || piece[..eq].Trim().Length == 0 || piece[(eq + 1)..].Trim().Length == 0)
                    throw new FormatException($"'{spec}': '{piece}' is not KEY=VALUE; write {Form}.");
                string key = piece[..eq].Trim();
                if (arguments.Any(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)))
                    throw new FormatException($"'{spec}': '{key}' is given twice; give each key once.");
                arguments.Add(new(key, piece[(eq + 1)..].Trim()));
            }
        }
        return new NamedSpec(spec, name, arguments);
    }

    /// <summary>Splits a comma-separated list of specs, where a piece that is only KEY=VALUE continues the spec before
    /// it (a name never holds '='): <c>aup:lambda=0.5,aux=3,random</c> is two specs.</summary>
    /// <param name="list">The list.</param>
    /// <param name="what">What the list holds, for messages (e.g. "decision-maker").</param>
    /// <exception cref="FormatException">An empty list or entry, or a list that starts with KEY=VALUE.</exception>
    public static IReadOnlyList<string> SplitList(string list, string what)
    {
        ArgumentNullException.ThrowIfNull(list);
        var pieces = list.Split(',', StringSplitOptions.TrimEntries);
        if (pieces.Any(p => p.Length == 0))
            throw new FormatException($"{what} list '{list}' has an empty entry; give {Form} separated by commas.");
        var specs = new List<string>();
        foreach (var piece in pieces)
        {
            bool continues = piece.Contains('=') && !piece.Contains(':');
            if (continues && specs.Count == 0)
                throw new FormatException($"{what} list '{list}' starts with '{piece}'; give {Form} first.");
            if (continues) specs[^1] += "," + piece;
            else specs.Add(piece);
        }
        return specs;
    }

    /// <summary>The value of <paramref name="key"/> (case-insensitive), or null when it is not given.</summary>
    public string? Get(string key) =>
        Arguments.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}

using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// One named built-in environment: a stable kebab-case <see cref="Name"/> (as used by <c>powertheory env</c>), a one-line
/// <see cref="Description"/>, its <see cref="Parameters"/> (given on the name as <c>NAME:key=value,…</c>) and a factory
/// that builds a fresh <see cref="Mdp"/> named after the instance (e.g. <c>map20:slip=0.1</c>).
/// </summary>
public sealed class BuiltInEnvironment
{
    private readonly Func<EnvironmentArguments, Mdp> _factory;

    internal BuiltInEnvironment(string name, string description, Func<Mdp> factory)
        : this(name, description, [], _ => factory())
    {
    }

    internal BuiltInEnvironment(string name, string description, EnvironmentParameter[] parameters,
        Func<EnvironmentArguments, Mdp> factory)
    {
        Name = name;
        Description = description;
        Parameters = Array.AsReadOnly(parameters);
        _factory = factory;
    }

    /// <summary>The stable name, e.g. <c>optsp-fig1</c>.</summary>
    public string Name { get; }

    /// <summary>A one-line description of the environment and where it comes from.</summary>
    public string Description { get; }

    /// <summary>The parameters it takes (empty for a fixed model).</summary>
    public IReadOnlyList<EnvironmentParameter> Parameters { get; }

    /// <summary>Builds the MDP with every parameter at its default.</summary>
    public Mdp Create() => Create(new Dictionary<string, string>());

    /// <summary>Builds the MDP with the given parameter values (text, as written after the colon); the others take
    /// their defaults; keys match parameter names case-insensitively. The model is named <c>NAME</c>, or
    /// <c>NAME:k=v,…</c> listing the values given.</summary>
    /// <exception cref="ArgumentException">An unknown parameter, one given twice (in two spellings), or a bad value (the
    /// message names the environment, the parameter and its range).</exception>
    public Mdp Create(IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in Parameters) values[p.Name] = p.Default;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, text) in arguments)
        {
            var p = Parameters.FirstOrDefault(x => string.Equals(x.Name, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(Parameters.Count == 0
                    ? $"{Name} takes no parameters; got '{key}'."
                    : $"{Name} has no parameter '{key}'; its parameters are {string.Join("; ", Parameters)}.");
            if (!given.Add(p.Name)) throw new ArgumentException($"{Name}: '{key}' is given twice; give each key once.");
            values[p.Name] = p.Parse(Name, text);
        }
        var shown = Parameters.Where(p => given.Contains(p.Name)).Select(p => $"{p.Name}={EnvironmentParameter.Show(values[p.Name])}").ToList();
        var mdp = _factory(new EnvironmentArguments(values));
        string name = shown.Count == 0 ? Name : $"{Name}:{string.Join(",", shown)}";
        return mdp.Name == name ? mdp : mdp.WithName(name);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description}";
}

using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// One named built-in environment: a stable kebab-case <see cref="Name"/> (as used by <c>powertheory env</c>), a one-line
/// <see cref="Description"/> and a factory that builds a fresh <see cref="Mdp"/> whose <see cref="Mdp.Name"/> is that name.
/// </summary>
public sealed class BuiltInEnvironment
{
    private readonly Func<Mdp> _factory;

    internal BuiltInEnvironment(string name, string description, Func<Mdp> factory)
    {
        Name = name;
        Description = description;
        _factory = factory;
    }

    /// <summary>The stable name, e.g. <c>optsp-fig1</c>.</summary>
    public string Name { get; }

    /// <summary>A one-line description of the environment and where it comes from.</summary>
    public string Description { get; }

    /// <summary>Builds the MDP (a new instance on every call; the model is immutable, so callers may also cache it).</summary>
    public Mdp Create()
    {
        var mdp = _factory();
        return mdp.Name == Name ? mdp : mdp.WithName(Name);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description}";
}

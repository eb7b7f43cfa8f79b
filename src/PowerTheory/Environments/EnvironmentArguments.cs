namespace PowerTheory.Environments;

/// <summary>The parameter values of one built-in environment instance (every parameter, given or defaulted).</summary>
public sealed class EnvironmentArguments
{
    private readonly Dictionary<string, double> _values;

    internal EnvironmentArguments(Dictionary<string, double> values) => _values = values;

    /// <summary>The value of parameter <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The environment has no such parameter.</exception>
    public double this[string name] => _values[name];

    /// <summary>The value of an integer parameter.</summary>
    public int Int(string name) => (int)_values[name];
}

namespace PowerTheory.Rewards;

/// <summary>One registered scalar reward law: its name, its signature in specs (<c>beta(a,b)</c>), the number of
/// an example spec, the number of numeric arguments (−1 for the variadic <c>discrete(v1:p1,…)</c>, which the parser reads itself) and how it is built.</summary>
internal sealed record RewardLawEntry(string Name, string Signature, string Example, int Arity, Func<double[], ScalarDistribution>? Create);

/// <summary>
/// The registry of reward laws: the spec parser (<see cref="RewardSpecParser"/>), its "unknown law" error and the help
/// text of <c>--reward</c> (<see cref="Signatures"/>) read this one list. A new law is its <see cref="ScalarDistribution"/>
/// factory plus one line here.
/// </summary>
internal static class RewardLawRegistry
{
    public static IReadOnlyList<RewardLawEntry> All { get; } =
    [
        new("uniform", "uniform(a,b)", "uniform(0,1)", 2, a => ScalarDistribution.Uniform(a[0], a[1])),
        new("beta", "beta(a,b)", "beta(2,3)", 2, a => ScalarDistribution.Beta(a[0], a[1])),
        new("triangular", "triangular(lower,upper,mode)", "triangular(0,1,0.25)", 3, a => ScalarDistribution.Triangular(a[0], a[1], a[2])),
        new("bernoulli", "bernoulli(p)", "bernoulli(0.3)", 1, a => ScalarDistribution.Bernoulli(a[0])),
        new("point", "point(x)", "point(0.5)", 1, a => ScalarDistribution.Point(a[0])),
        new("normal", "normal(mean,sd)", "normal(0,1)", 2, a => ScalarDistribution.Normal(a[0], a[1])),
        new("exponential", "exponential(rate)", "exponential(2)", 1, a => ScalarDistribution.Exponential(a[0])),
        new("discrete", "discrete(v1:p1,...)", "discrete(0:0.5,1:0.5)", -1, null),
    ];

    /// <summary>The entry named <paramref name="name"/> (lower case), or null.</summary>
    public static RewardLawEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The names as a sentence, <c>uniform, beta, … or discrete</c>.</summary>
    public static string NameList => string.Join(", ", All.Take(All.Count - 1).Select(e => e.Name)) + " or " + All[^1].Name;

    /// <summary>The signatures for help texts: <c>uniform(a,b) (default uniform(0,1)), beta(a,b), …</c>.</summary>
    public static string Signatures =>
        string.Join(", ", All.Select(e => e.Name == "uniform" ? e.Signature + " (default uniform(0,1))" : e.Signature));
}

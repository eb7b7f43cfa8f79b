namespace PowerTheory.Retargeting;

/// <summary>One registered decision rule: its name, its form in specs (<c>boltzmann:T=&lt;T&gt;</c>), the key of its one
/// parameter (null for none) and how it is built from that value, after <paramref name="Check"/> (which returns an
/// error text for a value out of range, or null).</summary>
internal sealed record DecisionRuleEntry(string Name, string Form, string? Key, Func<double, IDecisionRule> Create,
    Func<double, string?>? Check = null);

/// <summary>
/// The registry of PRDM decision rules on outcome lotteries: <see cref="DecisionRuleSpec"/> (and through it the CLI's
/// <c>--rule</c>, its help and its errors) reads this one list. A new rule is its <see cref="IDecisionRule"/> plus one
/// line here.
/// </summary>
internal static class DecisionRuleRegistry
{
    public static IReadOnlyList<DecisionRuleEntry> All { get; } =
    [
        new("optimal", "optimal", null, _ => new IsOptimalRule()),
        new("fracoptimal", "fracoptimal", null, _ => new FracOptimalRule()),
        new("antiopt", "antiopt", null, _ => new AntiOptimalRule()),
        new("boltzmann", "boltzmann:T=<T>", "T", t => new BoltzmannRule(t),
            t => t > 0 ? null : "the Boltzmann temperature T must be positive"),
        new("satisfice", "satisfice:t=<t>", "t", t => new SatisficeRule(t)),
        new("best-of", "best-of:k=<k>", "k", k => new BestOfKRule((int)k),
            k => k >= 1 && k == Math.Floor(k) && k <= 1_000_000 ? null : "best-of needs a whole number of draws k in 1..1000000"),
        new("quantiliser", "quantiliser:q=<q>", "q", q => new UniformQuantiliserRule(q),
            q => q > 0 && q <= 1 ? null : "the quantiliser's q must be in (0, 1]"),
    ];

    /// <summary>The entry named <paramref name="name"/> (lower case), or null.</summary>
    public static DecisionRuleEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}

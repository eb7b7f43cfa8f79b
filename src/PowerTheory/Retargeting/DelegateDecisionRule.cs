namespace PowerTheory.Retargeting;

/// <summary>
/// A user-supplied decision rule f(X | C, u) given as a function of the expected utilities: it receives the utilities
/// xᵀu of X's lotteries and of C's lotteries (in each set's order) and returns f. Use it for any EU-determined rule
/// (PRDM Def. A.12; docs/theory.md §3.2); implement <see cref="IDecisionRule"/> directly for rules that need the vectors.
/// </summary>
public sealed class DelegateDecisionRule : IDecisionRule
{
    private readonly Func<double[], double[], double> _rule;

    /// <summary>Creates the rule.</summary>
    /// <param name="name">The display name.</param>
    /// <param name="rule">(utilities of X, utilities of C) ↦ f(X | C, u).</param>
    public DelegateDecisionRule(string name, Func<double[], double[], double> rule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rule);
        Name = name;
        _rule = rule;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        return _rule(chosen.ExpectedUtilities(utility), options.ExpectedUtilities(utility));
    }
}

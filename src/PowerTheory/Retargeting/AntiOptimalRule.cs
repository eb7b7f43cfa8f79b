using PowerTheory.Internal;
namespace PowerTheory.Retargeting;

/// <summary>
/// AntiOpt(X | C, u) = 1 if min_{x∈X} xᵀu ≤ min_{c∈C} cᵀu, else 0 (PRDM Prop. A.11 item 3; docs/theory.md §3.3):
/// whether X contains a worst lottery. An empty X gives 0. Utilities are compared exactly as doubles.
/// </summary>
public sealed class AntiOptimalRule : IExactDecisionRule
{
    /// <inheritdoc />
    public string Name => "antiopt";

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        if (chosen.Count == 0 || options.Count == 0) return 0.0;
        return chosen.ExpectedUtilities(utility).Min() <= options.ExpectedUtilities(utility).Min() ? 1.0 : 0.0;
    }

    /// <inheritdoc />
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility) =>
        (EvaluateExactly(b, options, utility) - EvaluateExactly(a, options, utility)).Sign;

    /// <summary>f(X | C, u) in exact arithmetic.</summary>
    internal static Rational EvaluateExactly(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        if (chosen.Count == 0 || options.Count == 0) return Rational.Zero;
        return ExactUtilityLevel.Descending(chosen, options, utility)[^1].CountInChosen > 0 ? Rational.One : Rational.Zero;
    }
}

using PowerTheory.Internal;
namespace PowerTheory.Retargeting;

/// <summary>
/// IsOptimal(X | C, u) = 1 if max_{x∈X} xᵀu ≥ max_{c∈C} cᵀu, else 0 (PRDM Prop. A.11 item 1; docs/theory.md §3.3):
/// whether X contains an optimal lottery. An empty X gives 0. Utilities are compared exactly as doubles.
/// </summary>
public sealed class IsOptimalRule : IExactDecisionRule
{
    /// <inheritdoc />
    public string Name => "optimal";

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        if (chosen.Count == 0 || options.Count == 0) return 0.0;
        return chosen.ExpectedUtilities(utility).Max() >= options.ExpectedUtilities(utility).Max() ? 1.0 : 0.0;
    }

    /// <inheritdoc />
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility) =>
        (EvaluateExactly(b, options, utility) - EvaluateExactly(a, options, utility)).Sign;

    /// <summary>f(X | C, u) in exact arithmetic.</summary>
    internal static Rational EvaluateExactly(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        if (chosen.Count == 0 || options.Count == 0) return Rational.Zero;
        return ExactUtilityLevel.Descending(chosen, options, utility)[0].CountInChosen > 0 ? Rational.One : Rational.Zero;
    }
}

using PowerTheory.Internal;
namespace PowerTheory.Retargeting;

/// <summary>
/// FracOptimal(X | C, u) = |argmax_{c∈C} cᵀu ∩ X| / |argmax_{c∈C} cᵀu| (PRDM Prop. A.11 item 2; docs/theory.md §3.3):
/// the probability of landing in X when choosing uniformly among C's optimal lotteries. Ties are exact double equality
/// of the utilities. An empty C gives 0.
/// </summary>
public sealed class FracOptimalRule : IExactDecisionRule
{
    /// <inheritdoc />
    public string Name => "fracoptimal";

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count == 0) return 0.0;
        var best = UtilityLevel.Descending(chosen, options, utility)[0];
        return (double)best.CountInChosen / best.Count;
    }

    /// <inheritdoc />
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility) =>
        (EvaluateExactly(b, options, utility) - EvaluateExactly(a, options, utility)).Sign;

    /// <summary>f(X | C, u) in exact arithmetic.</summary>
    internal static Rational EvaluateExactly(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        if (options.Count == 0) return Rational.Zero;
        var best = ExactUtilityLevel.Descending(chosen, options, utility)[0];
        return new Rational(best.CountInChosen, best.Count);
    }
}

using System.Globalization;
using PowerTheory.Internal;

namespace PowerTheory.Retargeting;

/// <summary>
/// Satisfice_t(X | C, u) = |X ∩ S| / |S| with S = {c ∈ C : cᵀu ≥ t}, and 0 when S is empty (PRDM Prop. A.11 item 6;
/// docs/theory.md §3.3): choose uniformly among the lotteries that are good enough. The threshold test is exact in doubles.
/// </summary>
public sealed class SatisficeRule : IExactDecisionRule
{
    /// <summary>Creates the rule with threshold t (finite).</summary>
    /// <exception cref="ArgumentOutOfRangeException">t is NaN or infinite.</exception>
    public SatisficeRule(double threshold)
    {
        if (!double.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the satisficing threshold t must be finite.");
        Threshold = threshold;
    }

    /// <summary>t.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public string Name => "satisfice:t=" + Threshold.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        int good = 0, goodInChosen = 0;
        foreach (var level in UtilityLevel.Descending(chosen, options, utility))
        {
            if (!(level.Value >= Threshold)) break;
            good += level.Count;
            goodInChosen += level.CountInChosen;
        }
        return good == 0 ? 0.0 : (double)goodInChosen / good;
    }

    /// <inheritdoc />
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility) =>
        (EvaluateExactly(b, options, utility) - EvaluateExactly(a, options, utility)).Sign;

    /// <summary>f(X | C, u) in exact arithmetic.</summary>
    internal Rational EvaluateExactly(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        var threshold = Rational.FromDouble(Threshold);
        int good = 0, goodInChosen = 0;
        foreach (var level in ExactUtilityLevel.Descending(chosen, options, utility))
        {
            if (level.Value < threshold) break;
            good += level.Count;
            goodInChosen += level.CountInChosen;
        }
        return good == 0 ? Rational.Zero : new Rational(goodInChosen, good);
    }
}

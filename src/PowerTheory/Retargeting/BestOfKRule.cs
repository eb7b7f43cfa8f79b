using System.Globalization;
using PowerTheory.Internal;

namespace PowerTheory.Retargeting;

/// <summary>
/// Best-of-k (PRDM Prop. A.11 item 5; docs/theory.md §3.3): draw k lotteries from C independently and uniformly (with
/// replacement), then apply FracOptimal among the drawn lotteries. The probability of landing in X is computed
/// <em>exactly</em> by a closed form over C's utility levels (no sampling, no enumeration):
/// <para>f(X | C, u) = Σ_ℓ [(N_{≤ℓ}/m)^k − (N_{&lt;ℓ}/m)^k] · |X ∩ L_ℓ| / |L_ℓ|,</para>
/// where m = |C|, L_ℓ is the set of C's lotteries with the ℓ-th utility value w_ℓ, N_{≤ℓ} (N_{&lt;ℓ}) counts C's lotteries
/// with utility ≤ w_ℓ (&lt; w_ℓ). The bracket is the probability that the best drawn utility is w_ℓ; given that, the
/// drawn lotteries of L_ℓ are exchangeable, so each lottery of L_ℓ is the one chosen with probability 1/|L_ℓ|.
/// The same value results whether ties among the draws are split by distinct lotteries or by draws.
/// </summary>
public sealed class BestOfKRule : IExactDecisionRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="draws">k ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1.</exception>
    public BestOfKRule(int draws)
    {
        if (draws < 1) throw new ArgumentOutOfRangeException(nameof(draws), draws, $"best-of-k needs k ≥ 1 draws; got {draws}.");
        Draws = draws;
    }

    /// <summary>k, the number of draws.</summary>
    public int Draws { get; }

    /// <inheritdoc />
    public string Name => "best-of:k=" + Draws.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        int m = options.Count;
        if (m == 0) return 0.0;
        var levels = UtilityLevel.Descending(chosen, options, utility);
        double total = 0;
        int atOrBelow = m;
        foreach (var level in levels)
        {
            int below = atOrBelow - level.Count;
            double topIsThisLevel = Math.Pow((double)atOrBelow / m, Draws) - Math.Pow((double)below / m, Draws);
            total += topIsThisLevel * level.CountInChosen / level.Count;
            atOrBelow = below;
        }
        return total;
    }

    /// <inheritdoc />
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility) =>
        (EvaluateExactly(b, options, utility) - EvaluateExactly(a, options, utility)).Sign;

    /// <summary>f(X | C, u) in exact arithmetic.</summary>
    internal Rational EvaluateExactly(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        int m = options.Count;
        if (m == 0) return Rational.Zero;
        var total = Rational.Zero;
        int atOrBelow = m;
        foreach (var level in ExactUtilityLevel.Descending(chosen, options, utility))
        {
            int below = atOrBelow - level.Count;
            var top = Rational.Pow(new Rational(atOrBelow, m), Draws) - Rational.Pow(new Rational(below, m), Draws);
            total += top * new Rational(level.CountInChosen, level.Count);
            atOrBelow = below;
        }
        return total;
    }
}

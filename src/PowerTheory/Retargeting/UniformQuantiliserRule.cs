using System.Globalization;
using PowerTheory.Internal;

namespace PowerTheory.Retargeting;

/// <summary>
/// The uniform quantiliser Q_q (PRDM Def. B.12 with base distribution P uniform on C, Prop. A.11 item 7;
/// docs/theory.md §3.3): choose from the top q of C's probability mass ranked by expected utility, proportionally to P.
/// With m = |C|, levels L_1, L_2, … of equal utility in decreasing order and M the mass 1/m·|L_1 ∪ … ∪ L_{ℓ*−1}| strictly
/// above the threshold level ℓ* (the first level whose inclusion reaches mass q):
/// <para>Q_q(X | C, u) = ( |X ∩ (L_1 ∪ … ∪ L_{ℓ*−1})| / m + (q − M) · |X ∩ L_{ℓ*}| / |L_{ℓ*}| ) / q,</para>
/// so the threshold level's ties share the remaining mass q − M in proportion to P. q = 1 gives |X|/|C|.
/// </summary>
public sealed class UniformQuantiliserRule : IExactDecisionRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="quantile">q ∈ (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">q is outside (0, 1].</exception>
    public UniformQuantiliserRule(double quantile)
    {
        if (!(quantile > 0 && quantile <= 1))
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile,
                $"the quantiliser's q must lie in (0, 1]; got {quantile.ToString("R", CultureInfo.InvariantCulture)}.");
        Quantile = quantile;
    }

    /// <summary>q.</summary>
    public double Quantile { get; }

    /// <inheritdoc />
    public string Name => "quantiliser:q=" + Quantile.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        int m = options.Count;
        if (m == 0) return 0.0;
        double mass = 0;
        int countAbove = 0;
        foreach (var level in UtilityLevel.Descending(chosen, options, utility))
        {
            if ((double)(countAbove + level.Count) / m < Quantile)
            {
                mass += (double)level.CountInChosen / m;
                countAbove += level.Count;
                continue;
            }
            double remaining = Quantile - (double)countAbove / m;
            mass += remaining * level.CountInChosen / level.Count;
            break;
        }
        return mass / Quantile;
    }

    /// <inheritdoc />
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility) =>
        (EvaluateExactly(b, options, utility) - EvaluateExactly(a, options, utility)).Sign;

    /// <summary>f(X | C, u) in exact arithmetic (q taken at its exact double value).</summary>
    internal Rational EvaluateExactly(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        int m = options.Count;
        if (m == 0) return Rational.Zero;
        var q = Rational.FromDouble(Quantile);
        var mass = Rational.Zero;
        int countAbove = 0;
        foreach (var level in ExactUtilityLevel.Descending(chosen, options, utility))
        {
            if (new Rational(countAbove + level.Count, m) < q)
            {
                mass += new Rational(level.CountInChosen, m);
                countAbove += level.Count;
                continue;
            }
            mass += (q - new Rational(countAbove, m)) * new Rational(level.CountInChosen, level.Count);
            break;
        }
        return mass / q;
    }
}

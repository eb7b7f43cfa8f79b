using System.Globalization;
using PowerTheory.Internal;

namespace PowerTheory.Retargeting;

/// <summary>
/// Boltzmann_T(X | C, u) = Σ_{x∈X} e^{xᵀu/T} / Σ_{c∈C} e^{cᵀu/T} (PRDM Def. A.4 and Prop. A.11 item 4, with 1/T in the
/// exponent; docs/theory.md §3.3). Computed stably as Σ_X e^{(xᵀu−m)/T} / Σ_C e^{(cᵀu−m)/T} with m = max_C cᵀu, so
/// no term overflows and the denominator is at least 1.
/// </summary>
public sealed class BoltzmannRule : IExactDecisionRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="temperature">T &gt; 0, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">T is not a positive finite number.</exception>
    public BoltzmannRule(double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                $"the Boltzmann temperature T must be positive and finite; got {temperature.ToString("R", CultureInfo.InvariantCulture)}.");
        Temperature = temperature;
    }

    /// <summary>T.</summary>
    public double Temperature { get; }

    /// <inheritdoc />
    public string Name => "boltzmann:T=" + Temperature.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(options);
        if (chosen.Count == 0 || options.Count == 0) return 0.0;
        var all = options.ExpectedUtilities(utility);
        double max = all.Max();
        double denominator = all.Sum(v => Math.Exp((v - max) / Temperature));
        double numerator = chosen.ExpectedUtilities(utility).Sum(v => Math.Exp((v - max) / Temperature));
        return numerator / denominator;
    }

    /// <inheritdoc />
    /// <remarks>f(B) − f(A) has the sign of Σ_{x∈B} e^{xᵀu/T} − Σ_{x∈A} e^{xᵀu/T}. With the utilities and T taken as the
    /// exact rationals of their doubles, the exponents are rational, and by the Lindemann–Weierstrass theorem e^{q} for
    /// distinct rationals q are linearly independent over ℚ: the difference is 0 exactly when B and A have the same
    /// multiset of utilities. Otherwise its sign is taken from a double evaluation when it exceeds a bound on that
    /// evaluation's rounding error, and left undecided (null) when it does not.</remarks>
    public int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility)
    {
        var u = new Rational[utility.Length];
        for (int j = 0; j < u.Length; j++) u[j] = Rational.FromDouble(utility[j]);
        var count = new SortedDictionary<Rational, int>();
        foreach (var x in b.Items)
        {
            var v = ExactUtilityLevel.Utility(x, u);
            count[v] = count.GetValueOrDefault(v) + 1;
        }
        foreach (var x in a.Items)
        {
            var v = ExactUtilityLevel.Utility(x, u);
            count[v] = count.GetValueOrDefault(v) - 1;
        }
        var terms = count.Where(p => p.Value != 0).ToList();
        if (terms.Count == 0) return 0;
        var max = terms[^1].Key;
        var t = Rational.FromDouble(Temperature);
        double sum = 0, error = 0;
        foreach (var (value, c) in terms)
        {
            double exponent = ((value - max) / t).ToDouble();
            double term = c * Math.Exp(exponent);
            sum += term;
            // exp is within 1 ulp; the exponent, rounded once, moves the term by |exponent|·ε relatively; the sum adds
            // one rounding per term.
            error += Math.Abs(term) * (Math.Abs(exponent) + 4) * 1.2e-16 * terms.Count;
        }
        return Math.Abs(sum) > 2 * error ? Math.Sign(sum) : null;
    }
}

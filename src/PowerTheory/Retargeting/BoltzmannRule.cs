using System.Globalization;

namespace PowerTheory.Retargeting;

/// <summary>
/// Boltzmann_T(X | C, u) = Σ_{x∈X} e^{xᵀu/T} / Σ_{c∈C} e^{cᵀu/T} (PRDM Def. A.4 and Prop. A.11 item 4, with 1/T in the
/// exponent; docs/theory.md §3.3). Computed stably as Σ_X e^{(xᵀu−m)/T} / Σ_C e^{(cᵀu−m)/T} with m = max_C cᵀu, so
/// no term overflows and the denominator is at least 1.
/// </summary>
public sealed class BoltzmannRule : IDecisionRule
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
}

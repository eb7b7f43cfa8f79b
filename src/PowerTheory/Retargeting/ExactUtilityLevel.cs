using PowerTheory.Internal;

namespace PowerTheory.Retargeting;

/// <summary>One level of C's expected utilities computed exactly: the lotteries x of C with xᵀu = <see cref="Value"/>
/// as rationals (the doubles of x and u taken at their exact values), so that equal utilities computed two ways are
/// never split into two levels by rounding.</summary>
internal readonly record struct ExactUtilityLevel(Rational Value, int Count, int CountInChosen)
{
    /// <summary>C's levels, best first.</summary>
    public static ExactUtilityLevel[] Descending(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        var u = new Rational[utility.Length];
        for (int j = 0; j < u.Length; j++) u[j] = Rational.FromDouble(utility[j]);
        var byValue = new SortedDictionary<Rational, (int Count, int InChosen)>();
        foreach (var x in options.Items)
        {
            var v = Utility(x, u);
            byValue.TryGetValue(v, out var tally);
            byValue[v] = (tally.Count + 1, tally.InChosen + (chosen.Contains(x) ? 1 : 0));
        }
        return byValue.Reverse().Select(p => new ExactUtilityLevel(p.Key, p.Value.Count, p.Value.InChosen)).ToArray();
    }

    /// <summary>xᵀu exactly.</summary>
    public static Rational Utility(OutcomeLottery x, Rational[] u)
    {
        var v = Rational.Zero;
        var (indices, values) = x.NonZeros;
        for (int k = 0; k < indices.Length; k++) v += Rational.FromDouble(values[k]) * u[indices[k]];
        return v;
    }
}

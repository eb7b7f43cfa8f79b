using MathNet.Numerics.Integration;

namespace PowerTheory.Rewards;

/// <summary>
/// E[max_j w_j·(X_j − L)] for independent X_j with known laws F_j, weights w_j &gt; 0 and a shift L at or below every
/// lower bound — the exact mean of the "discounted best reachable reward" control covariate (docs/power.md, "Control
/// variates"). With Y = max_j w_j(X_j − L) ≥ 0 and P(Y ≤ t) = Π_j F_j(L + t/w_j),
/// <code>  E[Y] = ∫₀^T (1 − Π_j F_j(L + t/w_j)) dt,   T = max_j w_j(U_j − L),</code>
/// a one-dimensional integral. It is cut at every point where a factor changes form (the ends of each scaled support,
/// each scaled atom and kink); a piece where every factor is a step function is summed exactly, the others by
/// adaptive Gauss–Kronrod quadrature (MathNet) to a relative error of 1e-12, and a piece where the product is below
/// 1e-17 at its right end (so 1 − Π is 1 in double precision) contributes its length.
/// </summary>
internal static class WeightedMaximumMean
{
    /// <summary>One group of terms: <paramref name="Count"/> independent variables with law <paramref name="Law"/>, each
    /// with weight <paramref name="Weight"/>.</summary>
    public readonly record struct Term(ScalarDistribution Law, double Weight, int Count);

    /// <summary>E[max_j w_j(X_j − L)] over <paramref name="terms"/> (all bounded laws; empty: 0).</summary>
    public static double Compute(IReadOnlyList<Term> terms, double shift)
    {
        var live = terms.Where(t => t.Weight > 0 && t.Count > 0).ToArray();
        if (live.Length == 0) return 0;
        var cuts = new List<double> { 0 };
        bool allDiscrete = true;
        foreach (var t in live)
        {
            if (!t.Law.IsBounded) throw new ArgumentException($"the law '{t.Law.Spec}' is unbounded; the covariate's mean needs a bounded law.");
            cuts.Add(t.Weight * (t.Law.Lower - shift));
            cuts.Add(t.Weight * (t.Law.Upper - shift));
            if (t.Law.Atoms is { } atoms) foreach (var a in atoms) cuts.Add(t.Weight * (a - shift));
            else allDiscrete = false;
            foreach (var k in t.Law.Kinks) cuts.Add(t.Weight * (k - shift));
        }
        double top = live.Max(t => t.Weight * (t.Law.Upper - shift));
        var points = cuts.Where(c => c >= 0 && c <= top).Distinct().Order().ToArray();
        double total = 0;
        for (int i = 0; i + 1 < points.Length; i++)
        {
            double a = points[i], b = points[i + 1];
            if (!(b > a)) continue;
            if (Product(live, shift, b) < 1e-17)
            {
                total += b - a;
                continue;
            }
            if (allDiscrete) total += (b - a) * (1 - Product(live, shift, 0.5 * (a + b)));
            else total += GaussKronrodRule.Integrate(t => 1 - Product(live, shift, t), a, b, out _, out _, 1e-12);
        }
        return total;
    }

    /// <summary>Π_j F_j(L + t/w_j), stopping early once it is below 1e-300.</summary>
    private static double Product(Term[] terms, double shift, double t)
    {
        double log = 0;
        foreach (var term in terms)
        {
            double f = term.Law.Cdf(shift + t / term.Weight);
            if (f <= 0) return 0;
            if (f < 1) log += term.Count * Math.Log(f);
            if (log < -690) return 0;
        }
        return Math.Exp(log);
    }
}

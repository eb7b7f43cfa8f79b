using PowerTheory.Retargeting;
using PowerTheory.Tests.Power;

namespace PowerTheory.Tests.Retargeting;

/// <summary>
/// The built-in decision rules computed from their definitions by brute force in exact rational arithmetic, for basis
/// lotteries with utilities u (independent of the library's closed forms): best-of-k by enumerating all |C|^k draws,
/// the quantiliser by averaging over every tie-breaking order, the others by counting. Boltzmann is compared, not
/// evaluated: Σ_B e^{u/T} = Σ_A e^{u/T} exactly when the two multisets of utilities agree (Lindemann–Weierstrass), and
/// otherwise the small integer cases used here differ far beyond rounding.
/// </summary>
internal static class ExactRuleOracle
{
    private static ExactRational R(long p, long q = 1) => new(p, q);

    public static ExactRational Evaluate(string rule, int[] chosen, double[] u)
    {
        int m = u.Length;
        var inX = new bool[m];
        foreach (var i in chosen) inX[i] = true;
        var values = u.Select(ExactRational.FromDouble).ToArray();
        if (chosen.Length == 0 && rule is "optimal" or "antiopt") return ExactRational.Zero;
        var best = values.Max();
        var worst = values.Min();
        switch (rule.Split(':')[0])
        {
            case "optimal":
                return Enumerable.Range(0, m).Any(i => inX[i] && values[i] == best) ? ExactRational.One : ExactRational.Zero;
            case "antiopt":
                return Enumerable.Range(0, m).Any(i => inX[i] && values[i] == worst) ? ExactRational.One : ExactRational.Zero;
            case "fracoptimal":
            {
                var top = Enumerable.Range(0, m).Where(i => values[i] == best).ToArray();
                return R(top.Count(i => inX[i]), top.Length);
            }
            case "satisfice":
            {
                var t = ExactRational.FromDouble(double.Parse(rule.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
                var good = Enumerable.Range(0, m).Where(i => values[i].CompareTo(t) >= 0).ToArray();
                return good.Length == 0 ? ExactRational.Zero : R(good.Count(i => inX[i]), good.Length);
            }
            case "best-of":
            {
                int k = int.Parse(rule.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
                var draw = new int[k];
                var total = ExactRational.Zero;
                long sequences = 0;
                while (true)
                {
                    var drawn = draw.Distinct().ToArray();
                    var top = drawn.Max(i => values[i]);
                    var optimal = drawn.Where(i => values[i] == top).ToArray();
                    total += R(optimal.Count(i => inX[i]), optimal.Length);
                    sequences++;
                    int pos = 0;
                    while (pos < k && ++draw[pos] == m) draw[pos++] = 0;
                    if (pos == k) break;
                }
                return total / R(sequences);
            }
            case "quantiliser":
            {
                var q = ExactRational.FromDouble(double.Parse(rule.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
                var total = ExactRational.Zero;
                long orders = 0;
                foreach (var order in Permutations([.. Enumerable.Range(0, m)]))
                {
                    bool sorted = true;
                    for (int i = 1; i < m; i++) sorted &= values[order[i - 1]].CompareTo(values[order[i]]) >= 0;
                    if (!sorted) continue;
                    orders++;
                    var mass = ExactRational.Zero;
                    for (int pos = 0; pos < m; pos++)
                    {
                        // The slot [pos/m, (pos+1)/m) of the order, cut at q.
                        var hi = R(pos + 1, m) < q ? R(pos + 1, m) : q;
                        var overlap = hi - R(pos, m);
                        if (overlap > ExactRational.Zero && inX[order[pos]]) mass += overlap;
                    }
                    total += mass / q;
                }
                return total / R(orders);
            }
            default:
                throw new ArgumentException($"no oracle for {rule}");
        }
    }

    /// <summary>The sign of f(B) − f(A) by the oracle.</summary>
    public static int Compare(string rule, int[] b, int[] a, double[] u)
    {
        if (rule.StartsWith("boltzmann", StringComparison.Ordinal))
        {
            var mb = b.Select(i => u[i]).Order().ToArray();
            var ma = a.Select(i => u[i]).Order().ToArray();
            if (mb.SequenceEqual(ma)) return 0;
            double t = double.Parse(rule.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
            double diff = b.Sum(i => Math.Exp(u[i] / t)) - a.Sum(i => Math.Exp(u[i] / t));
            if (Math.Abs(diff) < 1e-6) throw new InvalidOperationException("the oracle's Boltzmann case is too close to call");
            return Math.Sign(diff);
        }
        return Evaluate(rule, b, u).CompareTo(Evaluate(rule, a, u)) switch { > 0 => 1, < 0 => -1, _ => 0 };
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
                yield return [items[i], .. rest];
    }
}

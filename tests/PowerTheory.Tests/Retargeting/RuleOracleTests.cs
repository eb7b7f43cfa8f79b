using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Retargeting;

/// <summary>Best-of-k's closed form against an enumeration of all |C|^k draws, and the quantiliser's tie split against
/// an average over every tie-breaking order — both on small seeded random cases with many ties; the library's exact
/// evaluation must equal the exact brute force to the last digit, and its double evaluation must be within 1e-12.</summary>
public class RuleOracleTests
{
    private const int Seed = 4207;

    private static (LotterySet All, LotterySet X, double[] U) RandomCase(Random random)
    {
        int m = random.Next(1, 6);
        var u = Enumerable.Range(0, m).Select(_ => (double)random.Next(0, 3)).ToArray();
        var x = Enumerable.Range(0, m).Where(_ => random.Next(2) == 0).ToArray();
        return (LotterySet.OfBasis(m, Enumerable.Range(0, m)), LotterySet.OfBasis(m, x), u);
    }

    /// <summary>All |C|^k equally likely draw sequences; FracOptimal over the set of distinct drawn lotteries.</summary>
    private static double BestOfKByEnumeration(LotterySet all, LotterySet x, double[] u, int k)
    {
        int m = all.Count;
        var values = all.ExpectedUtilities(u);
        var draw = new int[k];
        double total = 0;
        long sequences = 0;
        while (true)
        {
            var drawn = draw.Distinct().ToArray();
            double best = drawn.Max(i => values[i]);
            var optimal = drawn.Where(i => values[i] == best).ToArray();
            total += (double)optimal.Count(i => x.Contains(all.Items[i])) / optimal.Length;
            sequences++;
            int pos = 0;
            while (pos < k && ++draw[pos] == m) draw[pos++] = 0;
            if (pos == k) break;
        }
        return total / sequences;
    }

    private static int[] Members(LotterySet all, LotterySet x) =>
        Enumerable.Range(0, all.Count).Where(i => x.Contains(all.Items[i])).ToArray();

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (int i = 0; i < items.Length; i++)
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
                yield return [items[i], .. rest];
    }

    /// <summary>Sort C by utility with every tie-breaking order equally likely; each lottery fills a slot of width 1/m on
    /// [0, 1); the quantiliser keeps [0, q). Averaging over the orders splits the threshold level proportionally.</summary>
    private static double QuantiliserByTieOrders(LotterySet all, LotterySet x, double[] u, double q)
    {
        int m = all.Count;
        var values = all.ExpectedUtilities(u);
        double total = 0;
        int orders = 0;
        foreach (var order in Permutations([.. Enumerable.Range(0, m)]))
        {
            bool sorted = true;
            for (int i = 1; i < m; i++) sorted &= values[order[i - 1]] >= values[order[i]];
            if (!sorted) continue;
            orders++;
            double mass = 0;
            for (int pos = 0; pos < m; pos++)
            {
                double overlap = Math.Max(0, Math.Min(q, (pos + 1.0) / m) - (double)pos / m);
                if (x.Contains(all.Items[order[pos]])) mass += overlap;
            }
            total += mass / q;
        }
        return total / orders;
    }

    [Test]
    public void BestOfKClosedFormEqualsEnumerationOfAllDraws()
    {
        var random = new Random(Seed);
        for (int trial = 0; trial < 200; trial++)
        {
            var (all, x, u) = RandomCase(random);
            int k = random.Next(1, 5);
            double expected = BestOfKByEnumeration(all, x, u, k);
            double actual = new BestOfKRule(k).Evaluate(x, all, u);
            Assert.That(actual, Is.EqualTo(expected).Within(1e-12),
                $"seed {Seed}, trial {trial}: u = ({string.Join(",", u)}), X = {x}, k = {k}");
            // Exactly: the library's rational evaluation equals the brute-force rational, to the last digit.
            var exact = new BestOfKRule(k).EvaluateExactly(x, all, u);
            var oracle = ExactRuleOracle.Evaluate($"best-of:k={k}", Members(all, x), u);
            Assert.That((exact.Numerator, exact.Denominator), Is.EqualTo((oracle.Numerator, oracle.Denominator)),
                $"seed {Seed}, trial {trial}: u = ({string.Join(",", u)}), X = {x}, k = {k}");
        }
    }

    [Test]
    public void BestOfOneIsUniformChoiceAndLargeKApproachesFracOptimal()
    {
        var all = LotterySet.OfBasis(4, [0, 1, 2, 3]);
        var x = LotterySet.OfBasis(4, [1, 2]);
        double[] u = [3, 1, 3, 0];
        Assert.Multiple(() =>
        {
            Assert.That(new BestOfKRule(1).Evaluate(x, all, u), Is.EqualTo(0.5).Within(1e-15));
            Assert.That(new BestOfKRule(200).Evaluate(x, all, u), Is.EqualTo(new FracOptimalRule().Evaluate(x, all, u)).Within(1e-12));
        });
    }

    [Test]
    public void QuantiliserEqualsTheAverageOverTieBreakingOrders()
    {
        var random = new Random(Seed + 1);
        double[] quantiles = [0.1, 0.25, 1.0 / 3, 0.5, 0.6, 0.75, 1.0];
        for (int trial = 0; trial < 200; trial++)
        {
            var (all, x, u) = RandomCase(random);
            double q = quantiles[random.Next(quantiles.Length)];
            double expected = QuantiliserByTieOrders(all, x, u, q);
            double actual = new UniformQuantiliserRule(q).Evaluate(x, all, u);
            Assert.That(actual, Is.EqualTo(expected).Within(1e-12),
                $"seed {Seed + 1}, trial {trial}: u = ({string.Join(",", u)}), X = {x}, q = {q}");
            var exact = new UniformQuantiliserRule(q).EvaluateExactly(x, all, u);
            var oracle = ExactRuleOracle.Evaluate($"quantiliser:q={q.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", Members(all, x), u);
            Assert.That((exact.Numerator, exact.Denominator), Is.EqualTo((oracle.Numerator, oracle.Denominator)),
                $"seed {Seed + 1}, trial {trial}: u = ({string.Join(",", u)}), X = {x}, q = {q}");
        }
    }

    [Test]
    public void QuantiliserDirectValues()
    {
        var all = LotterySet.OfBasis(4, [0, 1, 2, 3]);
        Assert.Multiple(() =>
        {
            // q = 1: uniform over C.
            Assert.That(new UniformQuantiliserRule(1).Evaluate(LotterySet.OfBasis(4, [0]), all, [4, 3, 2, 1]), Is.EqualTo(0.25));
            // q = 0.25 with a unique best: the argmax.
            Assert.That(new UniformQuantiliserRule(0.25).Evaluate(LotterySet.OfBasis(4, [0]), all, [4, 3, 2, 1]), Is.EqualTo(1.0));
            // q = 0.375: e0 (mass .25) plus half of e1's mass .25 → (.25 + .125·[e1 ∈ X]) / .375.
            Assert.That(new UniformQuantiliserRule(0.375).Evaluate(LotterySet.OfBasis(4, [1]), all, [4, 3, 2, 1]),
                Is.EqualTo(0.125 / 0.375).Within(1e-15));
        });
    }
}

using System.Globalization;
using PowerTheory.Budgets;
using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Retargeting;

/// <summary>Orbit counts against brute force over all d! permutations with explicit de-duplication, the Pac-Man and
/// Montezuma cases (docs/theory.md §4.3), and sampling against exact fractions.</summary>
public class OrbitCounterTests
{
    private const int Seed = 991;

    private static IEnumerable<int[]> AllIndexPermutations(int d)
    {
        if (d == 0) { yield return []; yield break; }
        foreach (var p in AllIndexPermutations(d - 1))
            for (int pos = 0; pos <= p.Length; pos++)
                yield return [.. p[..pos], d - 1, .. p[pos..]];
    }

    /// <summary>Every σ ∈ S_d applied to θ, duplicates removed by their exact text, then compared by the exact oracle
    /// (<see cref="ExactRuleOracle"/>; not the library's rule code).</summary>
    private static (long B, long A, long Ties, long Distinct) BruteForce(RetargetingQuestion question, double[] theta)
    {
        var seen = new HashSet<string>();
        long b = 0, a = 0, t = 0;
        foreach (var sigma in AllIndexPermutations(theta.Length))
        {
            var element = sigma.Select(i => theta[i]).ToArray();
            if (!seen.Add(string.Join(",", element.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))) continue;
            if (!question.InTheta(element)) continue;
            int sign = ExactRuleOracle.Compare(question.Rule.Name, Indices(question.B), Indices(question.A), element);
            if (sign > 0) b++; else if (sign < 0) a++; else t++;
        }
        return (b, a, t, seen.Count);
    }

    private static int[] Indices(LotterySet basis) =>
        basis.Items.Select(x => x.Vector.ToList().IndexOf(1.0)).ToArray();

    [Test]
    public void QuantiliserAndBestOfKTiesAreDecidedExactly()
    {
        // θ = (0,7,3,1,0,3), A = {e5}, B = {e2,e3}: with q = 1/2 the quantiliser gives f(B) = f(A) in 63 of the 180 orbit
        // elements, though the two sides are computed by different sums (a double comparison miscounted them as wins).
        double[] theta = [0, 7, 3, 1, 0, 3];
        foreach (var rule in new IDecisionRule[] { new UniformQuantiliserRule(0.5), new BestOfKRule(2), new BestOfKRule(3), new SatisficeRule(3) })
        {
            var question = RetargetingQuestion.OverBasis(6, [5], [2, 3], rule);
            var expected = BruteForce(question, theta);
            var result = OrbitCounter.Count(question, theta, SearchBudget.Default);
            Assert.That((result.BWins, result.AWins, result.Ties), Is.EqualTo((expected.B, expected.A, expected.Ties)), rule.Name);
            Assert.That(question.UncertainComparisons, Is.Zero, rule.Name);
            if (rule is UniformQuantiliserRule) Assert.That((result.BWins, result.AWins, result.Ties), Is.EqualTo((90L, 27L, 63L)));
        }
    }

    [Test]
    public void PacManOrbitHasFourBWinsAndTwoAWinsForTheOptimalRule()
    {
        var result = OrbitCounter.Count(PacMan.Question(new IsOptimalRule()), PacMan.Theta, SearchBudget.Default);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsExact, Is.True);
            Assert.That((result.BWins, result.AWins, result.Ties, result.OrbitSize), Is.EqualTo((4L, 2L, 0L, (long?)6)));
            Assert.That(result.LargestN, Is.EqualTo(2));
            Assert.That(result.ImpliedFraction, Is.EqualTo(2.0 / 3));
        });
    }

    [Test]
    public void PacManRulesAllMeetTheTwoFoldBound()
    {
        foreach (var rule in PacMan.RulesWithNTwo)
        {
            var result = OrbitCounter.Count(PacMan.Question(rule), PacMan.Theta, SearchBudget.Default);
            Assert.That(result.LargestN is null || result.LargestN >= 2, Is.True, $"{rule.Name}: n = {result.LargestN}");
            Assert.That(result.WeakFraction, Is.GreaterThanOrEqualTo(2.0 / 3), rule.Name);
        }
        // Satisfice_3: ties wherever the ghost is satisficing, B wins the two elements with u_ghost = 0, A never wins.
        var satisfice = OrbitCounter.Count(PacMan.Question(new SatisficeRule(3)), PacMan.Theta, SearchBudget.Default);
        Assert.That((satisfice.BWins, satisfice.AWins, satisfice.Ties, satisfice.LargestN), Is.EqualTo((2L, 0L, 4L, (long?)null)));
    }

    [Test]
    public void MontezumaDownIsBestInOneFifthOfTheOrbit()
    {
        var question = RetargetingQuestion.OverBasis(5, [0], [1, 2, 3, 4], new IsOptimalRule());
        var result = OrbitCounter.Count(question, [3, -1, 7, 2.5, 0], SearchBudget.Default);
        Assert.Multiple(() =>
        {
            Assert.That((result.BWins, result.AWins, result.Ties), Is.EqualTo((96L, 24L, 0L)));
            Assert.That(result.LargestN, Is.EqualTo(4));
            Assert.That(result.ImpliedFraction, Is.EqualTo(0.8));
        });
    }

    [Test]
    public void EnumerationMatchesBruteForceWithRepeatedEntries()
    {
        var random = new Random(Seed);
        IDecisionRule[] rules = [new IsOptimalRule(), new FracOptimalRule(), new AntiOptimalRule(), new BoltzmannRule(0.7),
            new SatisficeRule(1), new BestOfKRule(2), new UniformQuantiliserRule(0.4), new UniformQuantiliserRule(0.5),
            new BestOfKRule(3), new BoltzmannRule(2)];
        for (int trial = 0; trial < 200; trial++)
        {
            int d = random.Next(1, 7);
            var theta = Enumerable.Range(0, d).Select(_ => (double)random.Next(0, 3)).ToArray();
            var a = Enumerable.Range(0, d).Where(_ => random.Next(3) == 0).ToArray();
            var b = Enumerable.Range(0, d).Where(i => !a.Contains(i) && random.Next(2) == 0).ToArray();
            var rule = rules[trial % rules.Length];
            Func<IReadOnlyList<double>, bool>? inTheta = trial % 4 == 0 ? t => t[0] >= t[^1] : null;
            var question = RetargetingQuestion.OverBasis(d, a, b, rule, inTheta);
            var expected = BruteForce(question, theta);
            var result = OrbitCounter.Count(question, theta, SearchBudget.Default);
            string context = $"seed {Seed}, trial {trial}: theta = ({string.Join(",", theta)}), A = [{string.Join(",", a)}], B = [{string.Join(",", b)}], {rule.Name}";
            Assert.That(result.IsExact, Is.True, context);
            Assert.That((result.BWins, result.AWins, result.Ties), Is.EqualTo((expected.B, expected.A, expected.Ties)), context);
            Assert.That(result.OrbitSize, Is.EqualTo(expected.Distinct), context);
            Assert.That(result.Examined, Is.EqualTo(expected.Distinct), context);
        }
    }

    [Test]
    public void LargeOrbitIsSampledReproduciblyAndTheIntervalCoversTheExactFraction()
    {
        // d = 9 distinct entries: 9! = 362880 elements, over a 5000-node budget. A = {e0} is best in exactly 1/9.
        var question = RetargetingQuestion.OverBasis(9, [0], [1, 2, 3, 4, 5, 6, 7, 8], new IsOptimalRule());
        double[] theta = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var budget = new SearchBudget(maxNodes: 5000);
        var sampling = new OrbitSampling(Seed: 77, MaxSamples: 4000);
        var first = OrbitCounter.Count(question, theta, budget, sampling);
        var again = OrbitCounter.Count(question, theta, budget, sampling);
        Assert.Multiple(() =>
        {
            Assert.That(first.Method, Is.EqualTo(OrbitCountMethod.Sampled));
            Assert.That(first.IsExact, Is.False);
            Assert.That(first.OrbitSize, Is.EqualTo(362880));
            Assert.That(first.Counted, Is.EqualTo(4000));
            Assert.That(first.AWinsInterval!.Contains(1.0 / 9), Is.True, $"seed 77: {first.AWinsInterval}");
            Assert.That(first.BWinsInterval!.Contains(8.0 / 9), Is.True, $"seed 77: {first.BWinsInterval}");
            Assert.That((again.BWins, again.AWins, again.Ties), Is.EqualTo((first.BWins, first.AWins, first.Ties)));
        });
    }

    [Test]
    public void SamplingIsStoppedByTheNodeBudgetAndSaysSo()
    {
        var question = RetargetingQuestion.OverBasis(9, [0], [1], new IsOptimalRule());
        var result = OrbitCounter.Count(question, [1, 2, 3, 4, 5, 6, 7, 8, 9], new SearchBudget(maxNodes: 300));
        Assert.Multiple(() =>
        {
            Assert.That(result.Method, Is.EqualTo(OrbitCountMethod.Sampled));
            Assert.That(result.Outcome.Stop, Is.EqualTo(SearchStop.NodeBudget));
            Assert.That(result.Examined, Is.EqualTo(300));
        });
    }

    [Test]
    public void ConstantThetaHasAOneElementOrbit()
    {
        var result = OrbitCounter.Count(PacMan.Question(new FracOptimalRule()), [4, 4, 4], SearchBudget.Default);
        Assert.That((result.OrbitSize, result.BWins, result.AWins, result.Ties), Is.EqualTo(((long?)1, 1L, 0L, 0L)));
    }

    [Test]
    public void ClopperPearsonMatchesItsClosedFormsAtTheEnds()
    {
        // x = 0: upper = 1 − (α/2)^{1/n}; x = n: lower = (α/2)^{1/n}.
        var none = ProportionInterval.ClopperPearson(0, 10);
        var all = ProportionInterval.ClopperPearson(10, 10);
        var half = ProportionInterval.ClopperPearson(5, 10);
        Assert.Multiple(() =>
        {
            Assert.That(none.Lower, Is.EqualTo(0));
            Assert.That(none.Upper, Is.EqualTo(1 - Math.Pow(0.025, 0.1)).Within(1e-9));
            Assert.That(all.Lower, Is.EqualTo(Math.Pow(0.025, 0.1)).Within(1e-9));
            Assert.That(all.Upper, Is.EqualTo(1));
            Assert.That(half.Lower + half.Upper, Is.EqualTo(1).Within(1e-9), "symmetric at x = n/2");
        });
    }

    [Test]
    public void ThetaOfTheWrongLengthIsNamed()
    {
        Assert.That(() => OrbitCounter.Count(PacMan.Question(new IsOptimalRule()), [1, 2], SearchBudget.Default),
            Throws.ArgumentException.With.Message.Contains("θ has 2 entries").And.Message.Contains("d = 3"));
    }
}

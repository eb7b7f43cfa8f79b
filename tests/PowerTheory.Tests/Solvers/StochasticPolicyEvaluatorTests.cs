using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>
/// The kernel's evaluation of stochastic policies (<see cref="StochasticPolicyEvaluator"/>, <see cref="PolicyFigures"/>)
/// against independent oracles: a hand-written dense Gaussian elimination of (I − γP_π)V = r, and for the long-run
/// figures the subtraction-free reduction against the Laurent evaluator (two different algorithms).
/// </summary>
public class StochasticPolicyEvaluatorTests
{
    private static double[] MixedPolicy(Mdp mdp, Random random)
    {
        var policy = new double[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
            var w = Enumerable.Range(0, k).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble()).ToArray();
            if (w.Sum() == 0) w[random.Next(k)] = 1;
            double sum = w.Sum();
            for (int a = 0; a < k; a++) policy[first + a] = w[a] / sum;
        }
        return policy;
    }

    private static double[] DeterministicPolicy(Mdp mdp, Random random)
    {
        var policy = new double[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++) policy[mdp.FirstStateAction(s) + random.Next(mdp.ActionCount(s))] = 1;
        return policy;
    }

    public static IEnumerable<TestCaseData> Models()
    {
        // Small random MDPs (dense LU), slippery and deterministic grids (banded LU), a wide-band random MDP above the
        // dense limit (the certified sparse iteration).
        yield return new TestCaseData("random-8", 0.9).SetName("Values_RandomStochastic8");
        yield return new TestCaseData("open:rows=12,cols=12,slip=0.2", 0.95).SetName("Values_SlipGrid12");
        yield return new TestCaseData("open:rows=15,cols=15", 0.8).SetName("Values_DeterministicGrid15");
        yield return new TestCaseData("random-1300", 0.9).SetName("Values_WideRandom1300");
    }

    private static Mdp Build(string name, Random random) =>
        name.StartsWith("random-", StringComparison.Ordinal)
            ? RandomMdps.Create(random, int.Parse(name["random-".Length..]), 3, stochastic: true)
            : BuiltInEnvironments.Create(name);

    [TestCaseSource(nameof(Models))]
    public void ValuesAndVisitsEqualADenseSolve(string name, double gamma)
    {
        const int seed = 20261207;
        var random = new Random(seed);
        var mdp = Build(name, random);
        var evaluator = new StochasticPolicyEvaluator(mdp, gamma);
        for (int trial = 0; trial < 3; trial++)
        {
            var policy = trial == 2 ? DeterministicPolicy(mdp, random) : MixedPolicy(mdp, random);
            var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var expected = DenseOracle.Solve(DenseOracle.PolicySystem(mdp, policy, gamma, transposed: false), r);
            var values = new double[mdp.StateCount];
            evaluator.Values(policy, r, values);
            double scale = 1 / (1 - gamma);
            for (int s = 0; s < mdp.StateCount; s++)
                Assert.That(values[s], Is.EqualTo(expected[s]).Within(1e-9 * scale), $"seed {seed}, {name}, trial {trial}, state {s}");
            int start = random.Next(mdp.StateCount);
            var e = new double[mdp.StateCount];
            e[start] = 1;
            var expectedVisits = DenseOracle.Solve(DenseOracle.PolicySystem(mdp, policy, gamma, transposed: true), e);
            var visits = new double[mdp.StateCount];
            evaluator.Visits(policy, start, visits);
            for (int t = 0; t < mdp.StateCount; t++)
                Assert.That(visits[t], Is.EqualTo(expectedVisits[t]).Within(1e-9 * scale), $"seed {seed}, {name}, visits {start}→{t}");
            Assert.That(visits.Zip(r, (f, x) => f * x).Sum(), Is.EqualTo(values[start]).Within(1e-8 * scale));
        }
    }

    [Test]
    public void TheCachedFactorisationGivesTheFreshAnswerBitForBit()
    {
        var random = new Random(7);
        var mdp = BuiltInEnvironments.Create("open:rows=10,cols=10,slip=0.1");
        var a = MixedPolicy(mdp, random);
        var b = MixedPolicy(mdp, random);
        var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
        var reused = new StochasticPolicyEvaluator(mdp, 0.9);
        var first = new double[mdp.StateCount];
        var again = new double[mdp.StateCount];
        var fresh = new double[mdp.StateCount];
        reused.Values(a, r, first);
        reused.Values(b, r, again);
        reused.Values(a, r, again);
        new StochasticPolicyEvaluator(mdp, 0.9).Values(a, r, fresh);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(fresh, Is.EqualTo(first));
    }

    [Test]
    public void LongRunFiguresOfDeterministicPoliciesAgreeWithTheSubtractionFreeReduction()
    {
        const int seed = 99;
        var random = new Random(seed);
        for (int trial = 0; trial < 20; trial++)
        {
            var mdp = RandomMdps.Create(random, 3 + random.Next(10), 3, stochastic: random.Next(2) == 0);
            var policy = DeterministicPolicy(mdp, random);
            var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
            var figures = new PolicyFigures(mdp, 1.0);
            var gains = new double[mdp.StateCount];
            figures.Gains(policy, r, gains); // the Laurent evaluator (deterministic policy)
            var reduction = new PolicyLongRun(mdp, policy);
            var expected = reduction.Gains(r); // GTH reduction
            var set = Enumerable.Range(0, mdp.StateCount).Where(_ => random.Next(3) == 0).ToArray();
            for (int s = 0; s < mdp.StateCount; s++)
            {
                Assert.That(gains[s], Is.EqualTo(expected[s]).Within(1e-10), $"seed {seed}, trial {trial}, state {s}");
                double mass = reduction.LimitRow(s).Where((_, t) => set.Contains(t)).Sum();
                Assert.That(figures.LongRunMass(policy, s, set), Is.EqualTo(mass).Within(1e-10), $"seed {seed}, trial {trial}, state {s}");
            }
        }
    }

    [Test]
    public void ChainStructureIsFoundOnTheSparseGraph()
    {
        // Two absorbing ends and a transient middle: the uniform policy's chain has two classes of one state and a
        // transient set of the rest; absorption from the middle of a symmetric chain is 1/2 each.
        var b = new MdpBuilder();
        int n = 2001;
        for (int s = 0; s < n; s++) b.AddState($"c{s}");
        b.AddAction("c0", "stay", "c0");
        b.AddAction($"c{n - 1}", "stay", $"c{n - 1}");
        for (int s = 1; s < n - 1; s++)
        {
            b.AddAction($"c{s}", "left", $"c{s - 1}");
            b.AddAction($"c{s}", "right", $"c{s + 1}");
        }
        var mdp = b.Build();
        var uniform = new double[mdp.StateActionCount];
        for (int s = 0; s < n; s++)
            for (int a = 0; a < mdp.ActionCount(s); a++) uniform[mdp.FirstStateAction(s) + a] = 1.0 / mdp.ActionCount(s);
        var chain = new PolicyLongRun(mdp, uniform);
        Assert.That(chain.LargestBlock(), Is.EqualTo((n - 2, "set of transient states")));
        // 1,999 transient states fit the dense reduction: gambler's ruin, P(end at c_{n-1} | c_s) = s/(n−1).
        var r = new double[n];
        r[n - 1] = 1;
        var g = chain.Gains(r);
        foreach (int s in new[] { 1, 1000, 1999 })
            Assert.That(g[s], Is.EqualTo(s / (double)(n - 1)).Within(1e-9), $"state c{s}");
    }
}

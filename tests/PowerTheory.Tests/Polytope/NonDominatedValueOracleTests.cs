using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Polytope;

/// <summary>The per-sample oracle max_{f ∈ F_nd(s)} f·r against policy iteration, and max over RSD_nd(s) against brute force.</summary>
public class NonDominatedValueOracleTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(PaperMdps.OptspFigure1(), 0.37).SetName("Figure1 γ=0.37");
        yield return new TestCaseData(PaperMdps.OptspFigure1(), 0.9).SetName("Figure1 γ=0.9");
        yield return new TestCaseData(PaperMdps.GambleOrSafe(), 0.5).SetName("GambleOrSafe γ=0.5");
        yield return new TestCaseData(Gridworld.FromAscii(GridMaps.Grid3), 0.8).SetName("Grid3 γ=0.8");
        yield return new TestCaseData(Gridworld.Open(2, 2, slip: 0.25), 0.6).SetName("Open2x2 slip γ=0.6");
        for (int seed = 0; seed < 6; seed++)
            yield return new TestCaseData(RandomMdps.Small(seed, stochastic: seed % 2 == 1, maxStates: 6), 0.7)
                .SetName($"Random {seed}");
    }

    [TestCaseSource(nameof(Cases))]
    public void MaxOverNonDominatedEqualsOptimalValuePerSample(Mdp mdp, double gamma)
    {
        var rng = new Random(17);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var set = NonDominatedSearch.Run(mdp, s, gamma);
            Assert.That(set.IsComplete, Is.True);
            var oracle = NonDominatedValueOracle.From(set);
            var r = new double[mdp.StateCount];
            for (int sample = 0; sample < 200; sample++)
            {
                for (int i = 0; i < r.Length; i++) r[i] = sample % 2 == 0 ? rng.NextDouble() : 2 * rng.NextDouble() - 1;
                double max = oracle.MaxValue(r, out int argMax);
                double expected = PolicyIteration.Solve(mdp, r, gamma)[s];
                Assert.That(max, Is.EqualTo(expected).Within(1e-9 * (1 + Math.Abs(expected))), $"state {s}, sample {sample}");
                double attained = 0;
                var f = oracle.Point(argMax);
                for (int i = 0; i < r.Length; i++) attained += f[i] * r[i];
                Assert.That(attained, Is.EqualTo(max));
            }
        }
    }

    [Test]
    public void Maze7OracleMatchesPolicyIterationOnRandomRewards()
    {
        // F(s) is too large to brute-force here; every optimal value must still be attained inside the searched F_nd(s).
        var mdp = Gridworld.FromAscii(GridMaps.Maze7);
        var rng = new Random(3);
        var r = new double[mdp.StateCount];
        foreach (int s in new[] { 0, 15, mdp.StateCount - 1 })
        {
            var set = NonDominatedSearch.Run(mdp, s, 0.9);
            Assert.That(set.IsComplete, Is.True);
            var oracle = NonDominatedValueOracle.From(set);
            for (int sample = 0; sample < 300; sample++)
            {
                for (int i = 0; i < r.Length; i++) r[i] = rng.NextDouble();
                double expected = PolicyIteration.Solve(mdp, r, 0.9)[s];
                Assert.That(oracle.MaxValue(r), Is.EqualTo(expected).Within(1e-9 * expected), $"state {s}, sample {sample}");
            }
        }
    }

    [Test]
    public void MaxOverNonDominatedRsdsEqualsMaxOverAllRsds()
    {
        var mdp = PaperMdps.OptspFigure1();
        var set = RecurrentStateDistributionSet.Enumerate(mdp, "star");
        var oracle = new NonDominatedValueOracle(set.NonDominated().Select(e => e.Distribution).ToArray());
        var all = set.Distributions.Select(e => e.Distribution).ToArray();
        Assert.That(oracle.Count, Is.EqualTo(5));
        var rng = new Random(5);
        var r = new double[mdp.StateCount];
        for (int sample = 0; sample < 2000; sample++)
        {
            for (int i = 0; i < r.Length; i++) r[i] = rng.NextDouble();
            double bruteForce = all.Max(d => d.Select((x, i) => x * r[i]).Sum());
            Assert.That(oracle.MaxValue(r), Is.EqualTo(bruteForce).Within(1e-14));
        }
    }

    [Test]
    public void MaxValueDoesNotAllocate()
    {
        var oracle = NonDominatedValueOracle.From(NonDominatedSearch.Run(BinaryChoiceChain.Create(5), 0, 0.5));
        var r = new double[oracle.Dimension];
        r[1] = 1;
        oracle.MaxValue(r, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double total = 0;
        for (int i = 0; i < 1000; i++) total += oracle.MaxValue(r, out _);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(after - before, Is.Zero);
        Assert.That(total, Is.GreaterThan(0));
    }

    [Test]
    public void BadInputIsRefused()
    {
        Assert.That(() => new NonDominatedValueOracle(Array.Empty<double[]>()), Throws.ArgumentException.With.Message.Contains("at least one"));
        Assert.That(() => new NonDominatedValueOracle(new[] { new[] { 1.0 }, new[] { 1.0, 2.0 } }),
            Throws.ArgumentException.With.Message.Contains("points[1]"));
        var oracle = new NonDominatedValueOracle(new[] { new[] { 1.0, 0.0 } });
        Assert.That(() => oracle.MaxValue(new double[3]), Throws.ArgumentException.With.Message.Contains("2 entries"));
    }
}

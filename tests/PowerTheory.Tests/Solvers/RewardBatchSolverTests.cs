using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;
using PowerTheory.Tests.Power;

namespace PowerTheory.Tests.Solvers;

/// <summary>The public many-rewards entry point <see cref="RewardBatchSolver"/> against exact-rational brute force over
/// every deterministic policy (<see cref="ExactOptimalActions"/>) at γ = 2⁻³⁰⁰ (the γ → 0 limit), 1/2, 3/4 and 1 − 2⁻³⁰⁰
/// (the γ → 1 limit), on random dyadic MDPs with and without reward ties, solved as one batch.</summary>
public class RewardBatchSolverTests
{
    private static IEnumerable<TestCaseData> Discounts()
    {
        yield return new TestCaseData(0.0).SetName("gamma 0 (limit)");
        yield return new TestCaseData(0.5).SetName("gamma 1/2");
        yield return new TestCaseData(0.75).SetName("gamma 3/4");
        yield return new TestCaseData(1.0).SetName("gamma 1 (limit)");
    }

    private static double ToDouble(ExactRational x) => (double)x.Numerator / (double)x.Denominator;

    [TestCaseSource(nameof(Discounts))]
    public void BatchMatchesExactBruteForceOverAllPolicies(double gamma)
    {
        var exactGamma = gamma == 0 ? ExactRational.PowerOfHalf(300)
            : gamma == 1 ? ExactRational.One - ExactRational.PowerOfHalf(300) : ExactRational.FromDouble(gamma);
        const int batch = 6;
        foreach (bool stochastic in new[] { false, true })
        {
            for (int seed = 0; seed < 25; seed++)
            {
                var mdp = RandomMdps.Dyadic(seed, stochastic);
                int n = mdp.StateCount, m = mdp.StateActionCount;
                var rng = new Random(500 + seed);
                // Half the samples from {0, 1/2, 1} (exact ties common), half k/2²⁰ (ties improbable).
                var rewards = Enumerable.Range(0, batch * n)
                    .Select(i => i / n % 2 == 0 ? rng.Next(3) / 2.0 : rng.Next(1 << 20) / (double)(1 << 20)).ToArray();
                var future = new double[batch * n];
                var optimal = new bool[batch * m];
                RewardBatchSolver.Create(mdp, gamma).SolveBatch(rewards, future, optimal);
                for (int i = 0; i < batch; i++)
                {
                    var r = rewards.AsSpan(i * n, n).ToArray();
                    string where = $"seed {seed} ({(stochastic ? "stochastic" : "deterministic")}), sample {i}, r = [{string.Join(", ", r)}]";
                    var expected = ExactOptimalActions.At(mdp, r, exactGamma, out var values);
                    for (int sa = 0; sa < m; sa++)
                        Assert.That(optimal[i * m + sa], Is.EqualTo(expected[sa]), $"optimal flag of state-action {sa}, {where}");
                    for (int s = 0; s < n; s++)
                    {
                        // W(s) = (1−γ)/γ·(V*(s) − r(s)) exactly; its limits at γ → 0 and γ → 1 agree to far below 1e-9.
                        var exact = (ExactRational.One - exactGamma) / exactGamma * (values[s] - ExactRational.FromDouble(r[s]));
                        Assert.That(future[i * n + s], Is.EqualTo(ToDouble(exact)).Within(1e-9), $"W({mdp.StateNames[s]}), {where}");
                    }
                }
            }
        }
    }

    [Test]
    public void BatchEqualsOneByOneBitForBit()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Grid3, slip: 0.2);
        int n = mdp.StateCount, m = mdp.StateActionCount;
        var rng = new Random(11);
        var rewards = Enumerable.Range(0, 8 * n).Select(_ => rng.NextDouble()).ToArray();
        foreach (double gamma in new[] { 0.0, 0.9, 1.0 })
        {
            var batchFuture = new double[8 * n];
            var batchOptimal = new bool[8 * m];
            RewardBatchSolver.Create(mdp, gamma).SolveBatch(rewards, batchFuture, batchOptimal);
            var single = RewardBatchSolver.Create(mdp, gamma);
            for (int i = 7; i >= 0; i--) // the reverse order: results depend on each reward vector alone
            {
                var future = new double[n];
                var optimal = new bool[m];
                single.Solve(rewards.AsSpan(i * n, n), future, optimal);
                Assert.That(future, Is.EqualTo(batchFuture.AsSpan(i * n, n).ToArray()), $"γ = {gamma}, sample {i}");
                Assert.That(optimal, Is.EqualTo(batchOptimal.AsSpan(i * m, m).ToArray()), $"γ = {gamma}, sample {i}");
            }
        }
    }

    [Test]
    public void TheParallelBatchEqualsTheSerialOneBitForBit()
    {
        var mdp = Gridworld.Open(8, 9, slip: 0.15);
        int n = mdp.StateCount, m = mdp.StateActionCount, k = 50;
        var random = new Random(808);
        var rewards = Enumerable.Range(0, k * n).Select(_ => random.NextDouble()).ToArray();
        var serialValues = new double[k * n];
        var serialFlags = new bool[k * m];
        var serial = RewardBatchSolver.Create(mdp, 0.95);
        serial.SolveBatch(rewards, serialValues, serialFlags);
        foreach (int threads in new[] { 1, 3 })
        {
            var values = new double[k * n];
            var flags = new bool[k * m];
            var certification = RewardBatchSolver.SolveBatchParallel(mdp, 0.95, rewards, values, flags, threads);
            Assert.That(values, Is.EqualTo(serialValues), $"{threads} threads");
            Assert.That(flags, Is.EqualTo(serialFlags), $"{threads} threads");
            Assert.That(certification.Solves, Is.EqualTo(k));
            Assert.That(certification.MaxValueErrorBound, Is.EqualTo(serial.Certification.MaxValueErrorBound));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => RewardBatchSolver.SolveBatchParallel(mdp, 0.95, rewards, serialValues, serialFlags, 0));
    }

    [Test]
    public void BadInputNamesTheSampleAndTheState()
    {
        var mdp = PaperMdps.OptspFigure1();
        int n = mdp.StateCount, m = mdp.StateActionCount;
        var solver = RewardBatchSolver.Create(mdp, 0.9);
        var rewards = new double[2 * n];
        rewards[n + 3] = double.NaN;
        Assert.That(() => solver.SolveBatch(rewards, new double[2 * n], new bool[2 * m]),
            Throws.ArgumentException.With.Message.Contains("rewards (sample 1)[3]").And.Message.Contains($"'{mdp.StateNames[3]}'"));
        Assert.That(() => solver.SolveBatch(new double[n + 1], new double[n], new bool[m]),
            Throws.ArgumentException.With.Message.Contains("not a multiple"));
        Assert.That(() => solver.Solve(new double[n], new double[n], new bool[m - 1]),
            Throws.ArgumentException.With.Message.Contains($"expected {m}"));
        Assert.That(() => RewardBatchSolver.Create(mdp, 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 1]"));
        var huge = new double[n];
        huge[2] = 1e299;
        Assert.That(() => solver.Solve(huge, new double[n], new bool[m]),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains($"'{mdp.StateNames[2]}'"));
    }
}

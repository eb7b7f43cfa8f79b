using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Power;

/// <summary>The per-sample solvers against independent oracles: the reference policy-iteration solver, brute-force
/// enumeration of policies at γ = 1, Karp's algorithm and the multichain average-reward LP.</summary>
public class SampleSolverTests
{
    private static IEnumerable<TestCaseData> Models()
    {
        yield return new TestCaseData("fig1", PaperMdps.OptspFigure1());
        yield return new TestCaseData("maze7", Gridworld.FromAscii(GridMaps.Maze7));
        yield return new TestCaseData("grid3-slip", Gridworld.FromAscii(GridMaps.Grid3, slip: 0.2));
        yield return new TestCaseData("gamble", PaperMdps.GambleOrSafe());
        yield return new TestCaseData("loop-2cycle", PaperMdps.LoopVersusTwoCycle());
    }

    [TestCaseSource(nameof(Models))]
    public void PerSampleValuesAgreeWithValueIteration(string name, Mdp mdp)
    {
        int n = mdp.StateCount;
        var rng = new Random(7);
        var value = new double[n];
        var score = new double[n];
        var q = new double[mdp.StateActionCount];
        foreach (double gamma in new[] { 0.3, 0.9, 0.99 })
        {
            var solver = new DiscountedRewardSolver(mdp, gamma, 1e-9);
            for (int i = 0; i < 30; i++)
            {
                var r = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
                solver.SolveScores(r, value, score, q);
                // Value iteration is an independent algorithm (a certified fixed-point iteration, not Howard's loop).
                var reference = ValueIteration.Solve(mdp, r, gamma, accuracy: 1e-10);
                double scale = 1e-9 * (1 + 2 / (1 - gamma));
                for (int s = 0; s < n; s++)
                {
                    Assert.That(score[s], Is.EqualTo(reference[s]).Within(scale), $"{name} V*({mdp.StateNames[s]}) γ={gamma}");
                    Assert.That(value[s], Is.EqualTo((1 - gamma) / gamma * (reference[s] - r[s])).Within(scale), $"{name} POWER sample");
                }
                for (int sa = 0; sa < q.Length; sa++)
                    Assert.That(q[sa], Is.EqualTo(reference.ActionValues[sa]).Within(scale), $"{name} Q*");
            }
        }
    }

    /// <summary>The optimal gain from every state by enumerating every deterministic policy and following its path to
    /// its cycle (deterministic MDPs).</summary>
    private static double[] BruteForceGain(Mdp mdp, double[] r)
    {
        int n = mdp.StateCount;
        var best = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        foreach (var pi in Policy.EnumerateAll(mdp))
        {
            for (int s = 0; s < n; s++)
            {
                var seen = new Dictionary<int, int>();
                var path = new List<int>();
                int x = s;
                while (!seen.ContainsKey(x))
                {
                    seen[x] = path.Count;
                    path.Add(x);
                    x = mdp.Successors(pi.StateActionAt(x))[0];
                }
                var cycle = path.Skip(seen[x]).ToList();
                best[s] = Math.Max(best[s], cycle.Sum(c => r[c]) / cycle.Count);
            }
        }
        return best;
    }

    [Test]
    public void OptimalGainEqualsBruteForceOverAllPoliciesKarpAndTheLinearProgram()
    {
        // A ring with chords and no self-loop anywhere: cycles of several lengths compete.
        var ring = new MdpBuilder("ring");
        for (int i = 0; i < 6; i++) ring.AddState($"x{i}");
        for (int i = 0; i < 6; i++) ring.AddAction($"x{i}", "next", $"x{(i + 1) % 6}").AddAction($"x{i}", "skip", $"x{(i + 2) % 6}");
        var mdps = new[] { PaperMdps.OptspFigure1(), PaperMdps.LoopVersusTwoCycle(), Gridworld.FromAscii(GridMaps.Grid3), ring.Build() };
        var rng = new Random(3);
        foreach (var mdp in mdps)
        {
            int n = mdp.StateCount;
            var karp = new KarpMaxMeanCycle(mdp);
            using var lp = new MultichainGainLinearProgram(mdp);
            lp.StartBlock();
            var blackwell = new BlackwellPolicyIteration(mdp, 1e-9);
            var v3 = new double[n];
            var optimal = new bool[mdp.StateActionCount];
            int trials = n > 8 ? 2 : 25; // Grid3 has 3⁴·4⁴·5 policies: enumerate a few times only
            for (int i = 0; i < trials; i++)
            {
                var r = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
                var v1 = karp.Gains(r);
                var v2 = lp.Gains(r);
                blackwell.Solve(r, v3, optimal);
                var brute = BruteForceGain(mdp, r);
                for (int s = 0; s < n; s++)
                {
                    Assert.That(v1[s], Is.EqualTo(brute[s]).Within(1e-12), $"Karp gain at {mdp.StateNames[s]}");
                    Assert.That(v2[s], Is.EqualTo(brute[s]).Within(1e-8), $"LP gain at {mdp.StateNames[s]}");
                    Assert.That(v3[s], Is.EqualTo(brute[s]).Within(1e-12), $"Blackwell policy iteration gain at {mdp.StateNames[s]}");
                }
            }
        }
    }

    [Test]
    public void GainOfAStochasticMdpIsTheLimitOfNormalisedDiscountedValues()
    {
        // (1−γ)·V*_γ → g* as γ → 1; at γ = 1 − 1e-6 the gap is O(1e-6·span(r)).
        var mdp = Gridworld.FromAscii(GridMaps.Grid3, slip: 0.3);
        int n = mdp.StateCount;
        var rng = new Random(9);
        var blackwell = new BlackwellPolicyIteration(mdp, 1e-9);
        var v = new double[n];
        var optimal = new bool[mdp.StateActionCount];
        for (int i = 0; i < 5; i++)
        {
            var r = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
            blackwell.Solve(r, v, optimal);
            const double gamma = 1 - 1e-6;
            var discounted = PolicyIteration.Solve(mdp, r, gamma);
            for (int s = 0; s < n; s++) Assert.That(v[s], Is.EqualTo((1 - gamma) * discounted[s]).Within(1e-4));
        }
    }

    [Test]
    public void GammaZeroIsTheBestExpectedNextStateReward()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var solver = new DiscountZeroLimitSolver(mdp, 1e-9);
        var r = new[] { 0.9, 0.2, 0.6, 0.5 };
        var v = new double[4];
        var optimal = new bool[mdp.StateActionCount];
        solver.Solve(r, v, optimal);
        Assert.That(v[0], Is.EqualTo(0.5).Within(1e-15)); // max((0.2+0.6)/2, 0.5)
        Assert.That(v[1], Is.EqualTo(0.2));
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>
/// The certified per-sample solves of <see cref="RewardBatchSolver"/> at γ ∈ (0,1) (issue #11 item 1): V* (through
/// W(s) = (1−γ)·max_a E_a V*) against an independent oracle — plain Jacobi value iteration written out here and run to
/// 10⁻¹³ — on slippery gridworlds (which take the modified-policy-iteration warm start and the banded evaluator) and on
/// random stochastic MDPs; the certified bound is at most 10⁻⁹ and at least the true error; the optimal-action sets equal
/// the oracle's wherever the oracle's own gap decides them; a true tie that rounding splits stays a tie and is reported.
/// </summary>
public class CertifiedSolveTests
{
    /// <summary>V* by Jacobi value iteration with naive loops, stopped when γ/(1−γ)·‖ΔV‖∞ ≤ 1e-13·max(1, max|r|).</summary>
    private static double[] OracleValues(Mdp mdp, double[] r, double gamma)
    {
        int n = mdp.StateCount;
        var v = new double[n];
        var next = new double[n];
        double stop = 1e-13 * Math.Max(1, r.Max(Math.Abs)) * (1 - gamma) / gamma;
        for (int sweep = 0; sweep < 1_000_000; sweep++)
        {
            double change = 0;
            for (int s = 0; s < n; s++)
            {
                double best = double.NegativeInfinity;
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    int sa = mdp.FirstStateAction(s) + a;
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    double e = 0;
                    for (int k = 0; k < succ.Length; k++) e += prob[k] * v[succ[k]];
                    best = Math.Max(best, e);
                }
                next[s] = r[s] + gamma * best;
                change = Math.Max(change, Math.Abs(next[s] - v[s]));
            }
            (v, next) = (next, v);
            if (change <= stop) return v;
        }
        throw new InvalidOperationException("the oracle did not converge");
    }

    private static double Expected(Mdp mdp, int sa, double[] v)
    {
        var succ = mdp.Successors(sa);
        var prob = mdp.Probabilities(sa);
        double e = 0;
        for (int k = 0; k < succ.Length; k++) e += prob[k] * v[succ[k]];
        return e;
    }

    /// <summary>Checks one solve against the oracle; returns the (state, action) pairs the oracle could not decide.</summary>
    private static int CheckAgainstOracle(Mdp mdp, double[] r, double gamma, RewardBatchSolver solver, string context)
    {
        var w = new double[mdp.StateCount];
        var optimal = new bool[mdp.StateActionCount];
        var before = solver.Certification;
        solver.Solve(r, w, optimal);
        var after = solver.Certification;
        var oracle = OracleValues(mdp, r, gamma);
        double bound = after.MaxValueErrorBound;
        Assert.That(after.Solves, Is.EqualTo(before.Solves + 1), context);
        Assert.That(bound, Is.LessThanOrEqualTo(1e-9 * Math.Max(1, r.Max(Math.Abs))), $"certified bound, {context}");
        double scale = Math.Max(1, r.Max(Math.Abs));
        int undecided = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double bestNext = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount(s); a++) bestNext = Math.Max(bestNext, Expected(mdp, mdp.FirstStateAction(s) + a, oracle));
            // W = (1−γ)·max_a E_a V*: its error is at most (1−γ)·bound; the oracle adds its own 1e-13·scale.
            Assert.That(w[s], Is.EqualTo((1 - gamma) * bestNext).Within((1 - gamma) * bound + 1e-12 * scale),
                $"W({mdp.StateNames[s]}), {context}");
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                double gap = gamma * (bestNext - Expected(mdp, sa, oracle));
                if (gap > 1e-8 * scale) Assert.That(optimal[sa], Is.False, $"{mdp.StateNames[s]}/{a} is worse by {gap:G3}, {context}");
                else if (gap < 1e-14 * scale) Assert.That(optimal[sa], Is.True, $"{mdp.StateNames[s]}/{a} is optimal, {context}");
                else undecided++;
            }
        }
        return undecided;
    }

    [TestCase(22, 0.99)]
    [TestCase(25, 0.9)]
    public void SlipperyGridsAgreeWithTheOracleWithinTheCertifiedBound(int size, double gamma)
    {
        var mdp = Gridworld.Open(size, size, slip: 0.1);
        var solver = RewardBatchSolver.Create(mdp, gamma);
        var random = new Random(20261125);
        int undecided = 0;
        for (int i = 0; i < 3; i++)
        {
            var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
            undecided += CheckAgainstOracle(mdp, r, gamma, solver, $"{size}×{size} γ = {gamma}, sample {i} (seed 20261125)");
        }
        Assert.That(undecided, Is.LessThanOrEqualTo(2), "pairs within 1e-8 are rare under a continuous law");
        Assert.That(solver.Certification.Uncertified, Is.Zero);
    }

    [Test]
    public void TheTargetIsRelativeToTheValueScaleSoGammaNearOneDoesNotFlagEverySample()
    {
        // Issue #19 item 15: at γ = 0.999 the values are near max|r|/(1−γ) = 10³, whose rounding floor alone is above
        // an absolute 10⁻⁹·max|r|. The target is 10⁻⁹·max|r|/(1−γ); the bound still holds against the oracle.
        const int seed = 19015;
        const double gamma = 0.999;
        var mdp = Gridworld.Open(6, 6, slip: 0.1);
        var solver = RewardBatchSolver.Create(mdp, gamma);
        var random = new Random(seed);
        double largestBound = 0;
        for (int i = 0; i < 4; i++)
        {
            var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
            var w = new double[mdp.StateCount];
            solver.Solve(r, w, new bool[mdp.StateActionCount]);
            double target = 1e-9 * r.Max(Math.Abs) / (1 - gamma);
            Assert.That(solver.Certification.Target, Is.GreaterThanOrEqualTo(target).And.LessThan(1e-6), $"sample {i} (seed {seed})");
            var oracle = OracleValues(mdp, r, gamma);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                double bestNext = double.NegativeInfinity;
                for (int a = 0; a < mdp.ActionCount(s); a++) bestNext = Math.Max(bestNext, Expected(mdp, mdp.FirstStateAction(s) + a, oracle));
                Assert.That(w[s], Is.EqualTo((1 - gamma) * bestNext).Within((1 - gamma) * (solver.Certification.MaxValueErrorBound + 1e-10)),
                    $"W({mdp.StateNames[s]}), sample {i} (seed {seed})");
            }
            largestBound = Math.Max(largestBound, solver.Certification.MaxValueErrorBound);
        }
        Assert.That(solver.Certification.Uncertified, Is.Zero, $"largest bound {largestBound:G3} (seed {seed})");
        Assert.That(largestBound, Is.GreaterThan(1e-9), "the premise: an absolute 10⁻⁹·max|r| target would flag these samples");
    }

    [Test]
    public void RandomStochasticMdpsAgreeWithTheOracle()
    {
        const int seed = 1125;
        var random = new Random(seed);
        for (int i = 0; i < 40; i++)
        {
            var mdp = RandomMdps.Create(random, random.Next(2, 30), 4, stochastic: true);
            double gamma = new[] { 0.3, 0.9, 0.99 }[i % 3];
            var r = RandomMdps.Rewards(random, mdp.StateCount, Math.Pow(10, random.Next(-2, 3)));
            CheckAgainstOracle(mdp, r, gamma, RewardBatchSolver.Create(mdp, gamma), $"case {i} (seed {seed}), γ = {gamma}");
        }
    }

    [Test]
    public void PolicyIterationReportsACertifiedBoundThatHolds()
    {
        const int seed = 77;
        var random = new Random(seed);
        var models = new List<Mdp> { Gridworld.Open(22, 22, slip: 0.1), Gridworld.FromAscii(GridMaps.Maze7, slip: 0.2) };
        for (int i = 0; i < 10; i++) models.Add(RandomMdps.Create(random, random.Next(2, 25), 3, stochastic: true));
        foreach (var mdp in models)
            foreach (double gamma in new[] { 0.5, 0.99 })
            {
                var r = RandomMdps.Rewards(random, mdp.StateCount, 3);
                var solved = PolicyIteration.Solve(mdp, r, gamma);
                var oracle = OracleValues(mdp, r, gamma);
                Assert.That(solved.ErrorBound, Is.LessThanOrEqualTo(1e-9 * 3), $"{mdp}, γ = {gamma} (seed {seed})");
                for (int s = 0; s < mdp.StateCount; s++)
                    Assert.That(Math.Abs(solved.Values[s] - oracle[s]), Is.LessThanOrEqualTo(solved.ErrorBound + 3e-13),
                        $"{mdp}, γ = {gamma}, V({mdp.StateNames[s]}) (seed {seed})");
            }
    }

    [Test]
    public void ATrueTieThatRoundingSplitsStaysATieAndIsReported()
    {
        // s: "direct" moves to t (absorbing, reward 0.1); "mixed" moves to u (reward 0.3) or w (reward −0.1) with 1/2
        // each, both absorbing. Both actions are worth 0.1/(1−γ) exactly, but 0.5·0.3 + 0.5·(−0.1) rounds differently.
        var mdp = new MdpBuilder("rounded tie")
            .AddState("s").AddState("t").AddState("u").AddState("w")
            .AddAction("s", "direct", "t")
            .AddAction("s", "mixed", ("u", 0.5), ("w", 0.5))
            .AddAction("t", "stay", "t").AddAction("u", "stay", "u").AddAction("w", "stay", "w")
            .Build();
        var r = new[] { 0.0, 0.1, 0.3, -0.1 };
        double gamma = 0.9;
        Assert.That(0.5 * (0.3 / (1 - gamma)) + 0.5 * (-0.1 / (1 - gamma)), Is.Not.EqualTo(0.1 / (1 - gamma)),
            "the premise: rounding splits the tie");
        var solver = RewardBatchSolver.Create(mdp, gamma);
        var w = new double[4];
        var optimal = new bool[mdp.StateActionCount];
        solver.Solve(r, w, optimal);
        Assert.That(optimal[0] && optimal[1], Is.True, "both actions of s are optimal");
        Assert.That(solver.Certification.NearTies, Is.EqualTo(1), "the split tie is reported");
        // A real difference far above the rounding floor (1e-9 of the value) is decided, not called a tie.
        r[2] += 2e-9;
        solver.Solve(r, w, optimal);
        Assert.That(optimal[0], Is.False, "direct is now worse by 1e-9·γ/(1−γ)");
        Assert.That(optimal[1], Is.True);
    }
}

using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>
/// The three optimal-value algorithms (value iteration, policy iteration, the occupancy LP) agree to 1e-9 relative
/// (‖V_a − V_b‖∞ ≤ 1e-9·max(‖V‖∞, ‖r‖∞)) on the paper's MDPs, the closed-form micro-MDPs, gridworlds and random MDPs.
/// </summary>
public class SolverAgreementTests
{
    private const double Relative = 1e-9;

    /// <summary>Runs the three solvers and checks their values and Q-values agree; returns policy iteration's result.</summary>
    internal static OptimalValues SolveAllAndCompare(Mdp mdp, double[] r, double gamma)
    {
        var pi = PolicyIteration.Solve(mdp, r, gamma);
        double scale = Math.Max(RandomMdps.MaxAbs(pi.Values), RandomMdps.MaxAbs(r));
        // Value iteration certifies an absolute accuracy; ask for a tenth of the agreement tolerance.
        var vi = ValueIteration.Solve(mdp, r, gamma, accuracy: Math.Max(Relative * scale / 10, 1e-300));
        var lp = LinearProgramSolver.Solve(mdp, r, gamma);
        Assert.Multiple(() =>
        {
            Assert.That(pi.Method.Name(), Is.EqualTo("policy-iteration"));
            Assert.That(vi.Method.Name(), Is.EqualTo("value-iteration"));
            Assert.That(lp.Method.Name(), Is.EqualTo("linear-program"));
            Assert.That(vi.Values, Is.EqualTo(pi.Values).Within(Relative * scale), "value iteration vs policy iteration");
            Assert.That(lp.Values, Is.EqualTo(pi.Values).Within(Relative * scale), "LP vs policy iteration");
            Assert.That(lp.ActionValues, Is.EqualTo(pi.ActionValues).Within(Relative * scale), "LP vs PI Q-values");
            Assert.That(vi.ErrorBound, Is.LessThanOrEqualTo(Relative * scale / 10));
            Assert.That(lp.ErrorBound, Is.LessThanOrEqualTo(1e-10 * scale));
        });
        // Each solver's policy is optimal: its exact value equals V* (checked with an independent evaluation).
        foreach (var result in new[] { pi, vi, lp })
        {
            var v = PolicyEvaluation.Evaluate(mdp, result.Policy, r, gamma);
            Assert.That(v, Is.EqualTo(pi.Values).Within(Relative * scale), $"{result.Method} policy is not optimal");
            for (int s = 0; s < mdp.StateCount; s++)
                Assert.That(result.IsOptimal(s, result.Policy[s]), Is.True, $"{result.Method}: policy action not in the optimal set at {s}");
        }
        return pi;
    }

    private static readonly double[] Gammas = { 0.01, 0.3, 0.5, 0.9, 0.99, 0.999 };

    [TestCaseSource(nameof(Gammas))]
    public void Figure1AgreesWithBruteForceAndClosedForms(double gamma)
    {
        var mdp = PaperMdps.OptspFigure1();
        var random = new Random(17);
        for (int trial = 0; trial < 5; trial++)
        {
            var r = RandomMdps.Rewards(random, mdp.StateCount, trial == 0 ? 1 : 100);
            var v = SolveAllAndCompare(mdp, r, gamma);
            // Brute force over all 96 deterministic policies: V*(s) = max_π V^π(s).
            var brute = new double[mdp.StateCount];
            Array.Fill(brute, double.NegativeInfinity);
            foreach (var policy in Policy.EnumerateAll(mdp))
            {
                var vp = PolicyEvaluation.Evaluate(mdp, policy, r, gamma);
                for (int s = 0; s < brute.Length; s++) brute[s] = Math.Max(brute[s], vp[s]);
            }
            Assert.That(v.Values, Is.EqualTo(brute).Within(1e-11 * RandomMdps.MaxAbs(brute)));
        }
        // Closed forms: the indicator reward on r↗ (reach it via right, ne and stay).
        int star = mdp.StateIndex("star"), rne = mdp.StateIndex("r_ne"), lsw = mdp.StateIndex("l_sw");
        var e = new double[mdp.StateCount];
        e[rne] = 1;
        var ve = SolveAllAndCompare(mdp, e, gamma);
        Assert.That(ve[star], Is.EqualTo(gamma * gamma / (1 - gamma)).Within(1e-12 / (1 - gamma)));
        Assert.That(mdp.ActionName(star, ve.Policy[star]), Is.EqualTo("right"));
        // ℓ↙ with rewards x on ℓ↙ and y on ℓ↖: V* = (x + γ·max(x, y))/(1 − γ²) (docs/theory.md §4.2 item 6), both signs.
        foreach (var (x, y) in new[] { (0.3, 0.8), (0.8, 0.3), (-1.0, -2.0), (-2.0, -1.0) })
        {
            var r = new double[mdp.StateCount];
            r[lsw] = x;
            r[mdp.StateIndex("l_nw")] = y;
            var vr = SolveAllAndCompare(mdp, r, gamma);
            double expected = (x + gamma * Math.Max(x, y)) / (1 - gamma * gamma);
            Assert.That(vr[lsw], Is.EqualTo(expected).Within(1e-11 * Math.Abs(expected)));
        }
    }

    [TestCaseSource(nameof(Gammas))]
    public void MicroMdpsMatchClosedForms(double gamma)
    {
        var random = new Random(5);
        double h = gamma / (1 - gamma);
        for (int k = 1; k <= 4; k++)
        {
            var mdp = PaperMdps.TerminalOptions(k);
            var r = RandomMdps.Rewards(random, mdp.StateCount);
            var v = SolveAllAndCompare(mdp, r, gamma);
            double expected = r[0] + h * r.Skip(1).Max();
            Assert.That(v[0], Is.EqualTo(expected).Within(1e-12 * (1 + Math.Abs(expected))), $"terminal options k = {k}");

            var loop = PaperMdps.SelfLoopPlusTerminals(k);
            var rl = RandomMdps.Rewards(random, loop.StateCount);
            var vl = SolveAllAndCompare(loop, rl, gamma);
            double expectedLoop = Math.Max(rl[0] / (1 - gamma), rl[0] + h * rl.Skip(1).Max());
            Assert.That(vl[0], Is.EqualTo(expectedLoop).Within(1e-12 * (1 + Math.Abs(expectedLoop))), $"loop plus {k} terminals");
        }
        var terminal = PaperMdps.TerminalState();
        Assert.That(SolveAllAndCompare(terminal, new[] { -0.7 }, gamma)[0], Is.EqualTo(-0.7 / (1 - gamma)).Within(1e-12 / (1 - gamma)));

        var gamble = PaperMdps.GambleOrSafe();
        foreach (var r in new[] { new[] { 0.1, 0.2, 0.9, 0.4 }, new[] { 0.1, 0.2, 0.3, 0.4 }, new[] { -1.0, -3.0, -0.5, -2.5 } })
        {
            var v = SolveAllAndCompare(gamble, r, gamma);
            double expected = r[0] + h * Math.Max((r[1] + r[2]) / 2, r[3]);
            Assert.That(v[0], Is.EqualTo(expected).Within(1e-12 * (1 + Math.Abs(expected))));
            string best = (r[1] + r[2]) / 2 > r[3] ? "gamble" : "safe";
            Assert.That(gamble.ActionName(0, v.Policy[0]), Is.EqualTo(best));
        }
    }

    [TestCase(0.9, 0.0)]
    [TestCase(0.99, 0.0)]
    [TestCase(0.9, 0.1)]
    [TestCase(0.999, 0.2)]
    public void GridworldsAgree(double gamma, double slip)
    {
        var random = new Random(11);
        foreach (var map in new[] { GridMaps.Grid3, GridMaps.Maze7, GridMaps.Map20 })
        {
            var mdp = Gridworld.FromAscii(map, slip);
            SolveAllAndCompare(mdp, RandomMdps.Rewards(random, mdp.StateCount), gamma);
            // A single goal reward (many exact ties between routes).
            var goal = new double[mdp.StateCount];
            goal[mdp.StateCount - 1] = 1;
            SolveAllAndCompare(mdp, goal, gamma);
        }
    }

    [Test]
    public void RandomMdpsAgree() =>
        RandomMdps.Cases().SamplePinned(c => { SolveAllAndCompare(c.Mdp, c.Rewards, c.Gamma); }, iter: 300, firstCase: "0N0XIzNsQ0O2");

    [Test]
    public void RandomMediumMdpsAgree() =>
        RandomMdps.Cases(maxStates: 60, maxActions: 4)
            .SamplePinned(c => { SolveAllAndCompare(c.Mdp, c.Rewards, c.Gamma); }, iter: 40, firstCase: "2Bb4nGN5fXa1");

    [Test]
    public void GammaZeroGivesTheRewardItself()
    {
        var mdp = PaperMdps.OptspFigure1();
        var r = RandomMdps.Rewards(new Random(3), mdp.StateCount);
        foreach (var v in new[] { PolicyIteration.Solve(mdp, r, 0), ValueIteration.Solve(mdp, r, 0), LinearProgramSolver.Solve(mdp, r, 0) })
            Assert.That(v.Values, Is.EqualTo(r).Within(1e-15), v.Method.ToString());
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>
/// Negative rewards where states have few actions: a missing action is absent, never "value 0". A solver that padded
/// the action sets with zero-value actions would report max(0, …) and fail every case here.
/// </summary>
public class NegativeRewardTests
{
    private static IEnumerable<Func<Mdp, double[], double, OptimalValues>> Solvers()
    {
        yield return (m, r, g) => PolicyIteration.Solve(m, r, g);
        yield return (m, r, g) => ValueIteration.Solve(m, r, g, accuracy: 1e-11);
        yield return (m, r, g) => LinearProgramSolver.Solve(m, r, g);
    }

    [Test]
    public void OnlyBadOptionsGiveNegativeValues()
    {
        // s → {t1, t2}: both terminals are bad; V*(s) = r(s) + γ/(1−γ)·max(−5, −3).
        var mdp = PaperMdps.TerminalOptions(2);
        var r = new[] { -1.0, -5.0, -3.0 };
        const double gamma = 0.9;
        double expected = -1 + gamma / (1 - gamma) * -3;
        foreach (var solve in Solvers())
        {
            var v = solve(mdp, r, gamma);
            Assert.That(v[0], Is.EqualTo(expected).Within(1e-9), v.Method.ToString());
            Assert.That(v[1], Is.EqualTo(-5 / (1 - gamma)).Within(1e-9), v.Method.ToString());
            Assert.That(mdp.ActionName(0, v.Policy[0]), Is.EqualTo("to_t2"), v.Method.ToString());
            Assert.That(v.OptimalActions(0), Is.EqualTo(new[] { 1 }), v.Method.ToString());
        }
    }

    [Test]
    public void SingleActionStateCannotEscapeItsOnlySuccessor()
    {
        // ℓ↖ has one action (down to ℓ↙). With all rewards −1, every value is −1/(1−γ).
        var mdp = PaperMdps.OptspFigure1();
        var r = Enumerable.Repeat(-1.0, mdp.StateCount).ToArray();
        foreach (var gamma in new[] { 0.5, 0.99 })
        {
            foreach (var solve in Solvers())
            {
                var v = solve(mdp, r, gamma);
                Assert.That(v.Values, Is.All.EqualTo(-1 / (1 - gamma)).Within(1e-9 / (1 - gamma)), v.Method.ToString());
                int lnw = mdp.StateIndex("l_nw");
                Assert.That(v.OptimalActions(lnw), Is.EqualTo(new[] { 0 }), v.Method.ToString());
            }
        }
    }

    [Test]
    public void NegativeGridAgreesAndCornersHaveThreeActions()
    {
        // All cells cost −1 except the bottom-right cell (−0.1); corners have 3 actions, edges 4, the interior 5.
        var mdp = Gridworld.Open(4, 5);
        var r = Enumerable.Repeat(-1.0, mdp.StateCount).ToArray();
        int goal = mdp.StateIndex("r3c4");
        r[goal] = -0.1;
        const double gamma = 0.9;
        var v = SolverAgreementTests.SolveAllAndCompare(mdp, r, gamma);
        Assert.That(v[goal], Is.EqualTo(-0.1 / (1 - gamma)).Within(1e-12));
        // From r0c0 the goal is 7 steps away: V = −Σ_{t<7} γ^t − 0.1·γ^7/(1−γ).
        double expected = -(1 - Math.Pow(gamma, 7)) / (1 - gamma) - 0.1 * Math.Pow(gamma, 7) / (1 - gamma);
        Assert.That(v[mdp.StateIndex("r0c0")], Is.EqualTo(expected).Within(1e-12));
        Assert.That(v.Values, Is.All.LessThan(0));
    }

    [Test]
    public void StochasticWithNegativeRewardsAgrees()
    {
        var random = new Random(21);
        foreach (var gamma in new[] { 0.3, 0.95 })
        {
            var mdp = RandomMdps.Create(random, 12, 2, stochastic: true);
            var r = RandomMdps.Rewards(random, mdp.StateCount).Select(x => -Math.Abs(x)).ToArray();
            var v = SolverAgreementTests.SolveAllAndCompare(mdp, r, gamma);
            Assert.That(v.Values, Is.All.LessThan(0));
        }
    }
}

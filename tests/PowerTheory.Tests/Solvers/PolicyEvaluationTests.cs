using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>Policy evaluation V^π for deterministic and stochastic policies against independent oracles.</summary>
public class PolicyEvaluationTests
{
    [TestCase(0.3, 0.2, 0.7)]
    [TestCase(0.9, 0.5, 0.5)]
    [TestCase(0.99, 1.0, 0.0)]
    public void TwoStateStochasticPolicyMatchesCramersRule(double gamma, double p, double q)
    {
        // x: stay (x) or go (y); y: back (x) or stay (y). π(stay|x) = p, π(stay|y) = q.
        var mdp = new MdpBuilder()
            .AddStates("x", "y")
            .AddAction("x", "stay", "x").AddAction("x", "go", "y")
            .AddAction("y", "back", "x").AddAction("y", "stay", "y")
            .Build();
        var policy = new StochasticPolicy(mdp, new[] { new[] { p, 1 - p }, new[] { 1 - q, q } });
        double rx = 1.5, ry = -2;
        // (1 − γp)·Vx − γ(1−p)·Vy = rx;  −γ(1−q)·Vx + (1 − γq)·Vy = ry.
        double a11 = 1 - gamma * p, a12 = -gamma * (1 - p), a21 = -gamma * (1 - q), a22 = 1 - gamma * q;
        double det = a11 * a22 - a12 * a21;
        double vx = (rx * a22 - a12 * ry) / det, vy = (a11 * ry - a21 * rx) / det;
        var v = PolicyEvaluation.Evaluate(mdp, policy, new[] { rx, ry }, gamma);
        Assert.That(v[0], Is.EqualTo(vx).Within(1e-12 * Math.Abs(vx)));
        Assert.That(v[1], Is.EqualTo(vy).Within(1e-12 * Math.Abs(vy)));
    }

    [Test]
    public void RandomStochasticPoliciesMatchHandWrittenGaussianElimination() =>
        RandomMdps.Cases().SamplePinned(c =>
        {
            var random = new Random(c.Seed ^ 0x5eed);
            var probs = Enumerable.Range(0, c.Mdp.StateCount).Select(s =>
            {
                var w = Enumerable.Range(0, c.Mdp.ActionCount(s)).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble()).ToArray();
                if (w.Sum() == 0) w[0] = 1;
                double total = w.Sum();
                return (IReadOnlyList<double>)w.Select(x => x / total).ToArray();
            }).ToArray();
            var policy = new StochasticPolicy(c.Mdp, probs);
            var expected = DenseOracle.Values(c.Mdp, (s, a) => probs[s][a], c.Rewards, c.Gamma);
            var actual = PolicyEvaluation.Evaluate(c.Mdp, policy, c.Rewards, c.Gamma);
            Assert.That(actual, Is.EqualTo(expected).Within(1e-10 * RandomMdps.MaxAbs(expected)));
            // The value of a stochastic policy never exceeds V*.
            var vStar = PolicyIteration.Solve(c.Mdp, c.Rewards, c.Gamma);
            for (int s = 0; s < actual.Length; s++)
                Assert.That(actual[s], Is.LessThanOrEqualTo(vStar[s] + 1e-10 * RandomMdps.MaxAbs(vStar.Values)));
        }, iter: 200);

    [Test]
    public void DeterministicPolicyAsStochasticGivesTheSameValues() =>
        RandomMdps.Cases().SamplePinned(c =>
        {
            var random = new Random(c.Seed);
            var actions = Enumerable.Range(0, c.Mdp.StateCount).Select(s => random.Next(c.Mdp.ActionCount(s))).ToArray();
            var policy = new Policy(c.Mdp, actions);
            var viaDeterministic = PolicyEvaluation.Evaluate(c.Mdp, policy, c.Rewards, c.Gamma);
            var viaStochastic = PolicyEvaluation.Evaluate(c.Mdp, StochasticPolicy.FromDeterministic(policy), c.Rewards, c.Gamma);
            var oracle = DenseOracle.Values(c.Mdp, (s, a) => a == actions[s] ? 1 : 0, c.Rewards, c.Gamma);
            double tol = 1e-10 * RandomMdps.MaxAbs(oracle);
            Assert.That(viaDeterministic, Is.EqualTo(oracle).Within(tol));
            Assert.That(viaStochastic, Is.EqualTo(oracle).Within(tol));
        }, iter: 200);

    [Test]
    public void LargeStochasticSystemUsesTheIterativeSolverAccurately()
    {
        // 40×40 slippery grid: 1600 states, above the dense limit, so the sparse BiCGStab path runs. The oracle is
        // fixed-policy value iteration run to its contraction bound.
        var mdp = Gridworld.Open(40, 40, slip: 0.2);
        Assert.That(mdp.StateCount, Is.GreaterThan(PolicyMatrix.DenseLimit));
        var r = RandomMdps.Rewards(new Random(6), mdp.StateCount);
        const double gamma = 0.95;
        var policy = StochasticPolicy.Uniform(mdp);
        var v = PolicyEvaluation.Evaluate(mdp, policy, r, gamma);
        var u = new double[mdp.StateCount];
        var next = new double[mdp.StateCount];
        double diff;
        do
        {
            diff = 0;
            for (int s = 0; s < u.Length; s++)
            {
                double e = 0;
                int m = mdp.ActionCount(s);
                for (int a = 0; a < m; a++)
                {
                    int sa = mdp.FirstStateAction(s) + a;
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    for (int k = 0; k < succ.Length; k++) e += prob[k] * u[succ[k]] / m;
                }
                next[s] = r[s] + gamma * e;
                diff = Math.Max(diff, Math.Abs(next[s] - u[s]));
            }
            (u, next) = (next, u);
        } while (diff * gamma / (1 - gamma) > 1e-11);
        Assert.That(v, Is.EqualTo(u).Within(1e-9));
    }

    [Test]
    public void ActionValuesFollowTheBellmanFormula()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var r = new[] { 0.5, 1.0, 2.0, 1.2 };
        var v = new[] { 10.0, 20.0, 30.0, 40.0 };
        var q = PolicyEvaluation.ActionValues(mdp, r, v, 0.9);
        Assert.That(q[mdp.StateActionIndex(0, 0)], Is.EqualTo(0.5 + 0.9 * 25).Within(1e-12));
        Assert.That(q[mdp.StateActionIndex(0, 1)], Is.EqualTo(0.5 + 0.9 * 40).Within(1e-12));
    }

    [Test]
    public void RejectsPolicyOfAnotherMdpAndBadRewards()
    {
        var mdp = PaperMdps.TerminalOptions(2);
        var other = PaperMdps.TerminalOptions(3);
        Assert.Throws<ArgumentException>(() => PolicyEvaluation.Evaluate(mdp, Policy.First(other), new double[3], 0.5));
        Assert.Throws<ArgumentException>(() => PolicyEvaluation.Evaluate(mdp, Policy.First(mdp), new double[2], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyEvaluation.Evaluate(mdp, Policy.First(mdp), new double[3], 1.0));
        var ex = Assert.Throws<ArgumentException>(() => new StochasticPolicy(mdp, new[] { new[] { 0.5, 0.6 }, new[] { 1.0 }, new[] { 1.0 } }));
        Assert.That(ex!.Message, Does.Contain("'s'").And.Contain("sum"));
    }
}

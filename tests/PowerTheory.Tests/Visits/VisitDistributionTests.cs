using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Solvers;
using PowerTheory.Tests.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Visits;

/// <summary>Visit distributions: ‖f‖₁ = 1/(1−γ), f ≥ 0, f·r = V^π, a hand-written oracle, and brute-force max = V*.</summary>
public class VisitDistributionTests
{
    [Test]
    public void InvariantsHoldOnRandomMdps() =>
        RandomMdps.Cases().SamplePinned(c =>
        {
            var random = new Random(c.Seed);
            var actions = Enumerable.Range(0, c.Mdp.StateCount).Select(s => random.Next(c.Mdp.ActionCount(s))).ToArray();
            var policy = new Policy(c.Mdp, actions);
            var v = PolicyEvaluation.Evaluate(c.Mdp, policy, c.Rewards, c.Gamma);
            var uniform = StochasticPolicy.Uniform(c.Mdp);
            var vu = PolicyEvaluation.Evaluate(c.Mdp, uniform, c.Rewards, c.Gamma);
            double scale = Math.Max(RandomMdps.MaxAbs(v), RandomMdps.MaxAbs(vu));
            for (int s = 0; s < c.Mdp.StateCount; s++)
            {
                var f = VisitDistribution.Compute(c.Mdp, policy, s, c.Gamma);
                Assert.That(f.Total, Is.EqualTo(1 / (1 - c.Gamma)).Within(1e-10 / (1 - c.Gamma)));
                Assert.That(f.Visits, Is.All.GreaterThanOrEqualTo(0));
                Assert.That(f.Value(c.Rewards), Is.EqualTo(v[s]).Within(1e-10 * Math.Max(scale, 1e-300)));
                var oracle = DenseOracle.Visits(c.Mdp, (x, a) => a == actions[x] ? 1 : 0, s, c.Gamma);
                Assert.That(f.Visits, Is.EqualTo(oracle).Within(1e-10 / (1 - c.Gamma)));

                var fu = VisitDistribution.Compute(c.Mdp, uniform, s, c.Gamma);
                Assert.That(fu.Total, Is.EqualTo(1 / (1 - c.Gamma)).Within(1e-10 / (1 - c.Gamma)));
                Assert.That(fu.Visits, Is.All.GreaterThanOrEqualTo(0));
                Assert.That(fu.Value(c.Rewards), Is.EqualTo(vu[s]).Within(1e-10 * Math.Max(scale, 1e-300)));
            }
        }, iter: 150);

    [Test]
    public void BruteForceMaximumOverPoliciesEqualsOptimalValue() =>
        RandomMdps.Cases(maxStates: 5).SamplePinned(c =>
        {
            var vStar = PolicyIteration.Solve(c.Mdp, c.Rewards, c.Gamma);
            double tol = 1e-10 * Math.Max(RandomMdps.MaxAbs(vStar.Values), 1e-300);
            for (int s = 0; s < c.Mdp.StateCount; s++)
            {
                double best = double.NegativeInfinity;
                foreach (var policy in Policy.EnumerateAll(c.Mdp))
                    best = Math.Max(best, VisitDistribution.Compute(c.Mdp, policy, s, c.Gamma).Value(c.Rewards));
                Assert.That(best, Is.EqualTo(vStar[s]).Within(tol));
            }
        }, iter: 100);

    [Test]
    public void Figure1SetsMatchThePaper()
    {
        // F(r↘) has e_r↘/(1−γ), (e_r↘ + γe_r↗)/(1−γ²) and e_r↘ + γe_r↗/(1−γ) (docs/theory.md §4.1 (a)).
        var mdp = PaperMdps.OptspFigure1();
        int se = mdp.StateIndex("r_se"), ne = mdp.StateIndex("r_ne");
        const double g = 0.37;
        var seen = new HashSet<(double, double)>();
        foreach (var policy in Policy.EnumerateAll(mdp))
        {
            var f = VisitDistribution.Compute(mdp, policy, se, g);
            seen.Add((Math.Round(f[se], 12), Math.Round(f[ne], 12)));
        }
        var expected = new HashSet<(double, double)>
        {
            (Math.Round(1 / (1 - g), 12), 0),
            (Math.Round(1 / (1 - g * g), 12), Math.Round(g / (1 - g * g), 12)),
            (1, Math.Round(g / (1 - g), 12)),
        };
        Assert.That(seen, Is.EquivalentTo(expected));
    }
}

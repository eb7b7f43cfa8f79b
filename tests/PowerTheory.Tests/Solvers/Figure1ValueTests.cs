using PowerTheory.Environments;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Solvers;

/// <summary>Closed forms on OPTSP Figure 1 (docs/theory.md §4.1) for the two iterative solvers and visit distributions.</summary>
public class Figure1ValueTests
{
    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    [TestCase(0.99)]
    public void LoopVersusTwoCycleMatchesClosedForm(double gamma)
    {
        var mdp = PaperMdps.LoopVersusTwoCycle();
        foreach (var (x, y) in new[] { (0.3, 0.8), (0.8, 0.3), (-1.0, 2.0), (-2.0, -1.0) })
        {
            double expected = (x + gamma * Math.Max(x, y)) / (1 - gamma * gamma);
            var pi = PolicyIteration.Solve(mdp, new[] { x, y }, gamma);
            var vi = ValueIteration.Solve(mdp, new[] { x, y }, gamma, accuracy: 1e-11);
            Assert.That(pi[0], Is.EqualTo(expected).Within(1e-12 * (1 + Math.Abs(expected))));
            Assert.That(vi[0], Is.EqualTo(expected).Within(2e-11));
        }
    }

    [Test]
    public void VisitDistributionOfLeftAlternationMatchesPaper()
    {
        var mdp = PaperMdps.OptspFigure1();
        int lsw = mdp.StateIndex("l_sw"), lnw = mdp.StateIndex("l_nw");
        var policy = Policy.FromNames(mdp, new Dictionary<string, string> { ["l_sw"] = "up", ["l_nw"] = "down" });
        const double g = 0.7;
        var f = VisitDistribution.Compute(mdp, policy, lsw, g);
        Assert.That(f[lsw], Is.EqualTo(1 / (1 - g * g)).Within(1e-12));
        Assert.That(f[lnw], Is.EqualTo(g / (1 - g * g)).Within(1e-12));
        Assert.That(f.Total, Is.EqualTo(1 / (1 - g)).Within(1e-12));
    }
}

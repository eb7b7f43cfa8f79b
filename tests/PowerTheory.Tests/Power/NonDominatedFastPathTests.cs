using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Tests.Polytope;

namespace PowerTheory.Tests.Power;

/// <summary>The optional fast path (max over F_nd(s), or RSD_nd(s) at γ = 1) must give the per-sample solver's numbers.</summary>
public class NonDominatedFastPathTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (double g in new[] { 0.5, 0.9, 1.0 })
        {
            yield return new TestCaseData("optsp-fig1", g);
            yield return new TestCaseData("gamble-or-safe", g);
            yield return new TestCaseData("loop-vs-2-cycle", g);
        }
        yield return new TestCaseData("random-stochastic-3", 0.7);
        yield return new TestCaseData("random-stochastic-3", 1.0);
        yield return new TestCaseData("random-deterministic-5", 0.9);
    }

    private static Mdp Model(string name) => name switch
    {
        "random-stochastic-3" => SmallRandomMdps.Create(3, stochastic: true),
        "random-deterministic-5" => SmallRandomMdps.Create(5, stochastic: false),
        _ => BuiltInEnvironments.Create(name),
    };

    [TestCaseSource(nameof(Cases))]
    public void FastPathGivesTheSolverNumbers(string model, double gamma)
    {
        var mdp = Model(model);
        var estimator = new PowerEstimator(mdp);
        var reference = estimator.Estimate(gamma, new PowerOptions { Samples = 600, Seed = 11 });
        var fast = estimator.Estimate(gamma, new PowerOptions { Samples = 600, Seed = 11, UseNonDominatedSets = true });
        Assert.Multiple(() =>
        {
            for (int s = 0; s < mdp.StateCount; s++)
            {
                Assert.That(fast.Power(s).Mean, Is.EqualTo(reference.Power(s).Mean).Within(1e-9), $"POWER of {mdp.StateNames[s]}");
                Assert.That(fast.Power(s).StandardError, Is.EqualTo(reference.Power(s).StandardError).Within(1e-9));
                for (int a = 0; a < mdp.ActionCount(s); a++)
                    Assert.That(fast.OptimalityProbability(s, a).Mean, Is.EqualTo(reference.OptimalityProbability(s, a).Mean).Within(1e-12),
                        $"P(optimal) of {mdp.StateNames[s]}/{mdp.ActionName(s, a)}");
            }
        });
    }

    [Test]
    public void FastPathRefusesSetsOverItsLimit()
    {
        var maze = Gridworld.FromAscii(GridMaps.Maze7);
        var options = new PowerOptions { Samples = 10, UseNonDominatedSets = true, NonDominatedVertexLimit = 5 };
        var e = Assert.Throws<InvalidOperationException>(() => new PowerEstimator(maze).Estimate(0.9, options));
        Assert.That(e!.Message, Does.Contain("UseNonDominatedSets"));
    }
}

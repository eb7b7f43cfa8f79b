using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Power;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>
/// Tendencies run on the solver kernel at sizes the old dense chain refused (it capped them at 1,200 states), and the
/// optimal agent's POWER^pol is exactly the POWER engine's: the same reward stream, the same kernel evaluation.
/// </summary>
public class TendencyScaleTests
{
    [TestCase("open:rows=100,cols=100", "r50c50", 0.9)]
    [TestCase("open:rows=40,cols=40,slip=0.1", "r20c20", 0.9)]
    [TestCase("map20:slip=0.1", "r10c10", 0.95)]
    public void OptimalAgentPowerEqualsThePowerEngineBitForBit(string model, string state, double gamma)
    {
        var mdp = BuiltInEnvironments.Create(model);
        const int samples = 4, seed = 11;
        var tendency = new TendencyEstimator(mdp).Estimate([DecisionMaker.Optimal], gamma, state,
            new TendencyOptions { Samples = samples, Seed = seed, Threads = 2, CertificateBudget = null });
        var power = new PowerEstimator(mdp).Estimate(gamma, new PowerOptions { Samples = samples, Seed = seed, Threads = 2 });
        var optimal = tendency.Optimal.Power!;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            Assert.That(optimal[s].Mean, Is.EqualTo(power.Power(s).Mean), $"{model}, state {mdp.StateNames[s]}");
            Assert.That(optimal[s].StandardError, Is.EqualTo(power.Power(s).StandardError), $"{model}, state {mdp.StateNames[s]}");
        }
        // The random reference on the same kernel: POWER^pol of the uniform policy is at most the optimal POWER.
        var random = tendency.Random.Power!;
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(random[s].Mean, Is.LessThanOrEqualTo(optimal[s].Mean + 1e-12), $"{model}, state {mdp.StateNames[s]}");
    }

    [Test]
    public void LongRunFiguresBeyondTheDenseReductionAreRefusedUpFront()
    {
        var mdp = BuiltInEnvironments.Create("open:rows=50,cols=50");
        var e = Assert.Throws<ArgumentException>(() => new TendencyEstimator(mdp).Estimate([DecisionMaker.Optimal], 1.0, "r0c0",
            new TendencyOptions { Samples = 4, CertificateBudget = null }));
        Assert.That(e!.Message, Does.Contain("recurrent class has 2,500 states").And.Contain("at most 2,000"));
        var avoid = Assert.Throws<ArgumentException>(() => new TendencyEstimator(mdp).Estimate([DecisionMaker.Optimal], 0.9, 0,
            new TendencyOptions { Samples = 4, CertificateBudget = null, Avoid = [5] }));
        Assert.That(avoid!.Message, Does.StartWith("an avoid set needs the long-run distribution"));
    }
}

using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Power;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>The limits that tie the decision-makers to the optimal and random agents: Boltzmann at T → 0 and T → ∞, the
/// horizon-1 planner against the γ → 0 optimal agent, ε-greedy at its ends, and the optimal POWER^pol against the POWER
/// engine on the same samples.</summary>
public class LimitTests
{
    private static readonly TendencyOptions Small = new() { Samples = 2000, Seed = 7, Threads = 2 };

    [Test]
    public void BoltzmannAtTinyTemperatureMatchesTheOptimalFigures()
    {
        var mdp = PaperMdps.OptspFigure1();
        var result = new TendencyEstimator(mdp).Estimate([new BoltzmannDecisionMaker(1e-5)], 0.7, "star", Small);
        var b = result.DecisionMakers[0];
        for (int a = 0; a < b.ActionProbabilities.Count; a++)
        {
            var d = b.ActionsVersusOptimal[a];
            Assert.That(Math.Abs(d.Mean), Is.LessThanOrEqualTo(4 * d.StandardError + 1e-3), $"action {a}: {d}");
        }
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(b.Power![s].Mean, Is.EqualTo(result.Optimal.Power![s].Mean).Within(1e-3), $"POWER at {mdp.StateNames[s]}");
    }

    [Test]
    public void NearlyDeterministicPoliciesKeepFiniteLongRunFigures()
    {
        // At T = 0.01 staying put has probability within rounding of 1; the chain's exit probabilities are tiny but
        // positive, so the long-run figures must come from them (no 1 − P(s,s) cancellation), not be NaN.
        var mdp = ShutdownGridworld.Create();
        var r = new TendencyEstimator(mdp).Estimate([new BoltzmannDecisionMaker(0.01)], 0.9, ShutdownGridworld.Start,
            new TendencyOptions { Samples = 300, Seed = 1, Threads = 1, Avoid = [mdp.StateIndex(ShutdownGridworld.Shutdown)] });
        var avoid = r.DecisionMakers[0].Avoid!.Value;
        Assert.That(double.IsFinite(avoid.Mean) && double.IsFinite(avoid.StandardError), Is.True, avoid.ToString());
        Assert.That(Math.Abs(r.DecisionMakers[0].AvoidVersusOptimal!.Value.Mean), Is.LessThan(0.1));
    }

    [Test]
    public void BoltzmannAtHugeTemperatureIsUniformlyRandom()
    {
        var mdp = PaperMdps.OptspFigure1();
        var result = new TendencyEstimator(mdp).Estimate([new BoltzmannDecisionMaker(1e7)], 0.7, "star", Small);
        var b = result.DecisionMakers[0];
        for (int a = 0; a < 3; a++) Assert.That(b.ActionProbabilities[a].Mean, Is.EqualTo(1.0 / 3).Within(1e-6));
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(b.Power![s].Mean, Is.EqualTo(result.Random.Power![s].Mean).Within(1e-6));
    }

    [Test]
    public void BoltzmannMatchesTheClosedFormOnTerminalOptions()
    {
        // s → t1..t3 absorbing: V(t) = r(t)/(1−γ), so π(t_i|s) ∝ exp(γ·r(t_i)/((1−γ)·T)) exactly.
        var mdp = PaperMdps.TerminalOptions(3);
        double gamma = 0.6, t = 0.3;
        var chooser = new BoltzmannDecisionMaker(t).Prepare(new DecisionContext(mdp, gamma, 0, 1))();
        var r = new[] { 0.2, 0.9, 0.1, 0.5 };
        var pi = new double[mdp.StateActionCount];
        chooser.Choose(r, new Random(1), pi);
        int s = mdp.StateIndex("s");
        var weights = Enumerable.Range(1, 3).Select(i => Math.Exp(gamma * r[mdp.Successors(mdp.StateActionIndex(s, i - 1))[0]] / ((1 - gamma) * t))).ToArray();
        for (int a = 0; a < 3; a++)
            Assert.That(pi[mdp.StateActionIndex(s, a)], Is.EqualTo(weights[a] / weights.Sum()).Within(1e-9));
    }

    [TestCase("optsp-fig1", "star")]
    [TestCase("maze7", "r0c0")]
    public void HorizonOneGivesTheGammaZeroFigures(string env, string state)
    {
        var mdp = BuiltInEnvironments.Create(env);
        var estimator = new TendencyEstimator(mdp);
        var myopic = estimator.Estimate([new HorizonDecisionMaker(1)], 0.9, state, Small).DecisionMakers[0];
        var atZero = estimator.Estimate([DecisionMaker.Optimal], 0.0, state, Small).Optimal;
        for (int a = 0; a < myopic.ActionProbabilities.Count; a++)
            Assert.That(myopic.ActionProbabilities[a].Mean, Is.EqualTo(atZero.ActionProbabilities[a].Mean).Within(1e-12), $"action {a}");
        // And at γ = 0 its POWER^pol is the engine's POWER(s, 0) = E[max_a E r(s')].
        var h0 = estimator.Estimate([new HorizonDecisionMaker(1)], 0.0, state, Small).DecisionMakers[0];
        var engine = new PowerEstimator(mdp).Estimate(0.0, new PowerOptions { Samples = Small.Samples, Seed = Small.Seed, Threads = 1 });
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(h0.Power![s].Mean, Is.EqualTo(engine.States[s].Power.Mean).Within(1e-12));
    }

    [TestCase(0.0)]
    [TestCase(0.9)]
    [TestCase(1.0)]
    public void OptimalPolicyPowerEqualsThePowerEngineOnTheSameSamples(double gamma)
    {
        foreach (var mdp in new[] { PaperMdps.OptspFigure1(), PaperMdps.GambleOrSafe(), AppendixCMdp.Create() })
        {
            var ours = new TendencyEstimator(mdp).PolicyPower(DecisionMaker.Optimal, gamma, 0, new TendencyOptions { Samples = 1000, Seed = 3, Threads = 2 });
            var engine = new PowerEstimator(mdp).Estimate(gamma, new PowerOptions { Samples = 1000, Seed = 3, Threads = 1 });
            for (int s = 0; s < mdp.StateCount; s++)
            {
                Assert.That(ours[s].Mean, Is.EqualTo(engine.States[s].Power.Mean).Within(1e-9), $"{mdp.Name} γ={gamma} {mdp.StateNames[s]}");
                Assert.That(ours[s].StandardError, Is.EqualTo(engine.States[s].Power.StandardError).Within(1e-9));
            }
        }
    }

    [Test]
    public void EpsilonGreedyEndsAreOptimalAndRandom()
    {
        var mdp = PaperMdps.OptspFigure1();
        var r = new TendencyEstimator(mdp).Estimate([new EpsilonGreedyDecisionMaker(0), new EpsilonGreedyDecisionMaker(1),
            new EpsilonGreedyDecisionMaker(0.25)], 0.8, "star", Small);
        for (int a = 0; a < 3; a++)
        {
            Assert.That(r.DecisionMakers[0].ActionProbabilities[a].Mean, Is.EqualTo(r.Optimal.ActionProbabilities[a].Mean).Within(1e-12));
            Assert.That(r.DecisionMakers[1].ActionProbabilities[a].Mean, Is.EqualTo(1.0 / 3).Within(1e-12));
            Assert.That(r.DecisionMakers[2].ActionProbabilities[a].Mean,
                Is.EqualTo(0.75 * r.Optimal.ActionProbabilities[a].Mean + 0.25 / 3).Within(1e-12));
        }
    }
}

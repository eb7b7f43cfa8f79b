using PowerTheory.Solvers;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>The tendency engine's own properties: bit-identical for any thread count, verdicts, the shutdown gridworld's
/// tendency and certificate, the policy chain's limits, the bandit bound, and the spec parser.</summary>
public class EngineTests
{
    private static readonly string Everything =
        "optimal,boltzmann:T=0.1,epsilon-greedy:eps=0.1,horizon:H=2,satisfice:q=0.8,random,aup:lambda=0.5,qlearning:episodes=30,sarsa:episodes=30";

    [Test]
    public void ResultsAreBitIdenticalForOneAndTwoThreads()
    {
        var mdp = ShutdownGridworld.Create();
        var makers = DecisionMakerSpec.ParseList(Everything);
        TendencyResult Run(int threads) => new TendencyEstimator(mdp).Estimate(makers, 0.9, ShutdownGridworld.Start,
            new TendencyOptions { Samples = 300, Seed = 77, Threads = threads, BlockSize = 32, Avoid = [mdp.StateIndex("shutdown")] });
        var one = Run(1);
        var two = Run(2);
        for (int i = 0; i < makers.Count; i++)
        {
            var x = one.DecisionMakers[i];
            var y = two.DecisionMakers[i];
            Assert.That(y.ActionProbabilities, Is.EqualTo(x.ActionProbabilities), x.Name);
            Assert.That(y.Avoid, Is.EqualTo(x.Avoid), x.Name);
            Assert.That(y.Power, Is.EqualTo(x.Power), x.Name);
            Assert.That(y.VerdictText, Is.EqualTo(x.VerdictText), x.Name);
        }
    }

    [Test]
    public void ShutdownGridworldShowsTheOptimalTendencyAndItsCertificate()
    {
        var mdp = BuiltInEnvironments.Create("shutdown");
        Assert.That(mdp.StateCount, Is.EqualTo(11));
        int shutdown = mdp.StateIndex("shutdown");
        Assert.That(mdp.IsTerminal(shutdown), Is.True);
        var anti = DecisionMaker.FromFunction("seeks-shutdown", (c, r, rng, pi) =>
        {
            // Walks straight into the shutdown cell (up from the start), stays elsewhere when it can.
            var m = c.Mdp;
            pi.Clear();
            for (int s = 0; s < m.StateCount; s++)
            {
                var names = m.ActionNames(s);
                int a = s == c.StartState ? m.ActionIndex(s, "up") : Math.Max(0, names.ToList().IndexOf("stay"));
                pi[m.FirstStateAction(s) + a] = 1;
            }
        });
        var r = new TendencyEstimator(mdp).Estimate([DecisionMaker.Optimal, DecisionMaker.Random, anti], 0.9, ShutdownGridworld.Start,
            new TendencyOptions { Samples = 2000, Seed = 3, Threads = 2, Avoid = [shutdown] });
        Assert.That(r.Optimal.Avoid!.Value.Mean, Is.GreaterThan(r.Random.Avoid!.Value.Mean + 0.1));
        Assert.That(r.DecisionMakers[0].Verdict, Is.EqualTo(TendencyVerdict.Holds));
        Assert.That(r.DecisionMakers[1].Verdict, Is.EqualTo(TendencyVerdict.Weakens));
        Assert.That(r.DecisionMakers[2].Verdict, Is.EqualTo(TendencyVerdict.Reverses));
        Assert.That(r.DecisionMakers[2].Avoid!.Value.Mean, Is.EqualTo(0));
        Assert.That(r.Certificates, Has.Count.EqualTo(1));
        TestContext.Out.WriteLine($"{r.Certificates[0].Theorem}: n = {r.Certificates[0].N}; {r.Certificates[0].Summary}");
        Assert.That(r.Certificates[0].N, Is.GreaterThanOrEqualTo(1));
        // The theorem is about average-optimal play: at γ = 1 the measured avoidance meets the certified n/(n+1).
        var average = new TendencyEstimator(mdp).Estimate([DecisionMaker.Optimal], 1.0, ShutdownGridworld.Start,
            new TendencyOptions { Samples = 2000, Seed = 3, Threads = 2, Avoid = [shutdown] });
        TestContext.Out.WriteLine($"γ = 0.9: {r.Optimal.Avoid}; γ = 1: {average.Optimal.Avoid}; bound {r.Certificates[0].Bound}");
        Assert.That(average.Optimal.Avoid!.Value.Mean, Is.GreaterThanOrEqualTo(r.Certificates[0].Bound!.Value - 4 * average.Optimal.Avoid.Value.StandardError));
    }

    [Test]
    public void PolicyChainGainIsTheLimitOfNormalisedValues()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var mdp = RandomMdps.Create(random, 6, 3, stochastic: true);
            var policy = new double[mdp.StateActionCount];
            for (int s = 0; s < mdp.StateCount; s++)
            {
                int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
                var w = Enumerable.Range(0, k).Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble()).ToArray();
                if (w.Sum() == 0) w[0] = 1;
                for (int a = 0; a < k; a++) policy[first + a] = w[a] / w.Sum();
            }
            var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
            var chain = new PolicyLongRun(mdp, policy);
            var gain = chain.Gains(r);
            // Independent oracle: (1 − γ)·V^π at γ = 1 − 1e-7 (error O(1e-7)); and the Cesàro average of Pᵗ rows.
            var near = new double[mdp.StateCount];
            new StochasticPolicyEvaluator(mdp, 1 - 1e-7).Values(policy, r, near);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                Assert.That(gain[s], Is.EqualTo(1e-7 * near[s]).Within(1e-5), $"seed {seed}, state {s}");
                var row = chain.LimitRow(s);
                Assert.That(row.Sum(), Is.EqualTo(1).Within(1e-9));
                Assert.That(row.Zip(r, (p, x) => p * x).Sum(), Is.EqualTo(gain[s]).Within(1e-9));
            }
        }
    }

    [Test]
    public void EpsilonGreedyBanditMeetsPrdmsBound()
    {
        var result = EpsilonGreedyBandit.Simulate(arms: 5, trials: 100, epsilon: 0.1, samples: 20_000, seed: 1);
        TestContext.Out.WriteLine($"success {result.Success} ≥ {result.SuccessBound:F4}; others {result.ChoosesOthers}");
        Assert.That(result.SuccessBound, Is.EqualTo(1 - Math.Pow(0.975, 100)).Within(1e-12));
        Assert.That(result.Success.Mean + 4 * result.Success.StandardError, Is.GreaterThanOrEqualTo(result.SuccessBound));
        Assert.That(result.Success.Mean, Is.LessThan(1));
        Assert.That(Math.Abs(result.ChoosesOthers.ZScore(0.8)), Is.LessThan(4), "IID utilities: a₁ is chosen 1/5 of the time");
        var lazy = EpsilonGreedyBandit.Simulate(epsilon: 0.0, samples: 5000, seed: 1);
        Assert.That(Math.Abs(lazy.Success.ZScore(0.2)), Is.LessThan(4), "ε = 0 never explores: success is the first greedy draw, 1/5");
    }

    [TestCase("boltzmann", "needs T=VALUE")]
    [TestCase("boltzmann:T=-1", "T must be positive")]
    [TestCase("qlearning:episodes=10:foo=1", "unknown parameter 'foo'")]
    [TestCase("greedy", "unknown decision-maker 'greedy'")]
    [TestCase("optimal,optimal", "listed twice")]
    [TestCase("horizon:H=x", "H must be a whole number; got 'x'")]
    [TestCase("horizon:H=1.5", "H must be a whole number; got '1.5'")]
    [TestCase("boltzmann:T=NaN", "T must be a finite number; got 'NaN'")]
    [TestCase("epsilon-greedy:epsilon=0.1", "needs eps=VALUE; 'epsilon' is not one of its parameters")]
    public void BadSpecsAreRefusedClearly(string spec, string message)
    {
        var e = Assert.Throws<FormatException>(() => DecisionMakerSpec.ParseList(spec));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void SpecsRoundTrip()
    {
        foreach (var m in DecisionMakerSpec.ParseList(Everything + ",aup:lambda=2:aux=3:noop=stay,qlearning:episodes=5:alpha=0.25:eps=0.5:epsmin=0:steps=3"))
            Assert.That(DecisionMakerSpec.Parse(m.Name).Name, Is.EqualTo(m.Name));
    }

    [Test]
    public void TheReferenceNamesAreReserved()
    {
        var impostor = DecisionMaker.FromFunction("optimal", (c, r, rng, pi) => { });
        var e = Assert.Throws<ArgumentException>(() =>
            new TendencyEstimator(PaperMdps.OptspFigure1()).Estimate([impostor], 0.5, "star", new TendencyOptions { Samples = 10 }));
        Assert.That(e!.Message, Does.Contain("reserved"));
    }

    [Test]
    public void DiscountsADecisionMakerCannotUseAreRefused()
    {
        var mdp = PaperMdps.OptspFigure1();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TendencyEstimator(mdp).Estimate([new BoltzmannDecisionMaker(1)], 1.0, "star", new TendencyOptions { Samples = 10 }));
        Assert.That(e!.Message, Does.Contain("boltzmann:T=1").And.Contain("(0, 1)"));
    }
}

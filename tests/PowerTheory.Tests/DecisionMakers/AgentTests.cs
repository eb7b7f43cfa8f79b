using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>Learners, AUP and satisficers against independent references: Q-learning with a large budget against the
/// optimal agent, AUP at λ = 0 against the optimal agent and at large λ on the shutdown gridworld, the satisficer's two
/// computation routes against each other and against its ends.</summary>
public class AgentTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void TabularLearnersWithALargeBudgetMatchTheOptimalTendencies(bool sarsa)
    {
        var mdp = AppendixCMdp.Create();
        var learner = new TabularLearnerDecisionMaker(sarsa, episodes: 1500, steps: 4, alpha: 0.5, epsilonStart: 1, epsilonEnd: 0.0);
        var r = new TendencyEstimator(mdp).Estimate([learner], 0.5, "s0", new TendencyOptions { Samples = 2000, Seed = 5, Threads = 2 });
        var t = r.DecisionMakers[0];
        for (int a = 0; a < 2; a++)
        {
            var d = t.ActionsVersusOptimal[a];
            TestContext.Out.WriteLine($"{t.Name} action {a}: {t.ActionProbabilities[a]} vs optimal {r.Optimal.ActionProbabilities[a]}; diff {d}");
            // Q-learning's greedy policy converges to an optimal one; SARSA learns the values of its exploring
            // behaviour, so its stale estimates of rarely tried branches leave a small gap after a finite budget.
            Assert.That(Math.Abs(d.Mean), Is.LessThanOrEqualTo(sarsa ? 0.05 : Math.Max(4 * d.StandardError, 0.005)));
        }
        // A tiny budget is measurably worse: the training budget matters.
        var weak = new TendencyEstimator(mdp).Estimate([new TabularLearnerDecisionMaker(sarsa, episodes: 2, steps: 4)], 0.5, "s0",
            new TendencyOptions { Samples = 2000, Seed = 5, Threads = 2 }).DecisionMakers[0];
        Assert.That(weak.Power![0].Mean, Is.LessThan(t.Power![0].Mean - 4 * weak.Power[0].StandardError));
    }

    [Test]
    public void AupWithLambdaZeroIsTheOptimalAgent()
    {
        var mdp = ShutdownGridworld.Create();
        var r = new TendencyEstimator(mdp).Estimate([new AupDecisionMaker(0)], 0.9, ShutdownGridworld.Start,
            new TendencyOptions { Samples = 500, Seed = 2, Threads = 2, Avoid = [mdp.StateIndex(ShutdownGridworld.Shutdown)] });
        var aup = r.DecisionMakers[0];
        for (int a = 0; a < aup.ActionProbabilities.Count; a++)
            Assert.That(aup.ActionsVersusOptimal[a].Mean, Is.EqualTo(0).Within(1e-12));
        Assert.That(aup.AvoidVersusOptimal!.Value.Mean, Is.EqualTo(0).Within(1e-12));
        for (int s = 0; s < mdp.StateCount; s++) Assert.That(aup.Power![s].Mean, Is.EqualTo(r.Optimal.Power![s].Mean).Within(1e-9));
    }

    [Test]
    public void AupWithALargeLambdaStopsDisablingTheOffSwitch()
    {
        var mdp = ShutdownGridworld.Create();
        var armed = ShutdownGridworld.ArmedStates.Select(mdp.StateIndex).ToArray();
        var r = new TendencyEstimator(mdp).Estimate([new AupDecisionMaker(0), new AupDecisionMaker(50)], 0.9, ShutdownGridworld.Start,
            new TendencyOptions { Samples = 1000, Seed = 4, Threads = 2, Avoid = armed });
        // Avoiding every armed state = ending with the switch disabled.
        var disablesOptimal = r.DecisionMakers[0].Avoid!.Value;
        var disablesAup = r.DecisionMakers[1].Avoid!.Value;
        TestContext.Out.WriteLine($"disables: λ=0 {disablesOptimal}, λ=50 {disablesAup}");
        // λ = 0 is no penalty: AUP's own code path must give the optimal agent's figure on the same samples, bit for bit,
        // and that figure must agree with the independent 4,000-sample run published in docs/beyond-optimality.md
        // (P(disable switch) of the optimal agent, 0.628 ± 0.008, seed 1) within 4 standard errors of the difference.
        var optimal = r.Optimal.Avoid!.Value;
        Assert.That(disablesOptimal.Mean, Is.EqualTo(optimal.Mean));
        double se = Math.Sqrt(disablesOptimal.StandardError * disablesOptimal.StandardError + 0.008 * 0.008);
        Assert.That(disablesOptimal.Mean, Is.EqualTo(0.628).Within(4 * se));
        Assert.That(disablesAup.Mean, Is.LessThan(0.01));
    }

    [Test]
    public void AupNeedsANoOpAction()
    {
        var mdp = PaperMdps.OptspFigure1(); // star has only up / left / right
        var e = Assert.Throws<ArgumentException>(() => new AupDecisionMaker(1).Prepare(new DecisionContext(mdp, 0.9, 0, 1)));
        Assert.That(e!.Message, Does.Contain("state 'star'").And.Contain("noop=NAME"));
    }

    [Test]
    public void StateActionSolverMatchesBruteForceOverAllPolicies()
    {
        for (int seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var mdp = RandomMdps.Create(random, 4, 3, stochastic: seed % 2 == 1);
            double gamma = 0.3 + 0.6 * random.NextDouble();
            var reward = Enumerable.Range(0, mdp.StateActionCount).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var flags = new bool[mdp.StateActionCount];
            new StateActionRewardSolver(mdp, gamma, 1e-9).Solve(reward, flags);
            // Brute force: the best value of every state over all deterministic policies, then Q from it.
            var best = new double[mdp.StateCount];
            Array.Fill(best, double.NegativeInfinity);
            foreach (var p in PowerTheory.Solvers.Policy.EnumerateAll(mdp))
            {
                var rp = Enumerable.Range(0, mdp.StateCount).Select(s => reward[p.StateActionAt(s)]).ToArray();
                var v = PowerTheory.Solvers.PolicyEvaluation.Evaluate(mdp, p, rp, gamma);
                for (int s = 0; s < v.Length; s++) best[s] = Math.Max(best[s], v[s]);
            }
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    int sa = mdp.StateActionIndex(s, a);
                    double q = reward[sa] + gamma * mdp.ExpectedValue(sa, best);
                    Assert.That(flags[sa], Is.EqualTo(q >= best[s] - 1e-9), $"seed {seed}, state {s}, action {a}");
                }
        }
    }

    [Test]
    public void SatisficerEnumerationAndRejectionSamplingAgree()
    {
        var mdp = PaperMdps.OptspFigure1();
        var options = new TendencyOptions { Samples = 4000, Seed = 9, Threads = 2 };
        var enumerated = new SatisficerDecisionMaker(0.7);
        var sampled = new SatisficerDecisionMaker(0.7, new PowerTheory.Budgets.SearchBudget(maxNodes: 20)); // 48 policies > 20: rejection
        var r = new TendencyEstimator(mdp).Estimate([enumerated, sampled], 0.8, "star", options);
        for (int a = 0; a < 3; a++)
        {
            var x = r.DecisionMakers[0].ActionProbabilities[a];
            var y = r.DecisionMakers[1].ActionProbabilities[a];
            Assert.That(Math.Abs(x.Mean - y.Mean), Is.LessThan(4 * Math.Sqrt(x.StandardError * x.StandardError + y.StandardError * y.StandardError)),
                $"action {a}: {x} vs {y}");
        }
        Assert.That(r.DecisionMakers[0].Approximations, Is.EqualTo(0));
    }

    [Test]
    public void SatisficerEndsAreAllPoliciesAndOptimalPolicies()
    {
        var mdp = PaperMdps.OptspFigure1();
        var r = new TendencyEstimator(mdp).Estimate([new SatisficerDecisionMaker(0), new SatisficerDecisionMaker(1)], 0.8, "star",
            new TendencyOptions { Samples = 3000, Seed = 1, Threads = 2 });
        for (int a = 0; a < 3; a++)
        {
            Assert.That(Math.Abs(r.DecisionMakers[0].ActionProbabilities[a].ZScore(1.0 / 3)), Is.LessThan(4));
            Assert.That(r.DecisionMakers[1].ActionsVersusOptimal[a].Mean, Is.EqualTo(0).Within(1e-12));
        }
    }

    [Test]
    public void SatisficerFallbackIsCounted()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Maze7);
        var r = new TendencyEstimator(mdp).Estimate([new SatisficerDecisionMaker(1, new PowerTheory.Budgets.SearchBudget(maxNodes: 2))], 0.9, "r0c0",
            new TendencyOptions { Samples = 200, Seed = 1, Threads = 1 });
        Assert.That(r.DecisionMakers[0].Approximations, Is.GreaterThan(100));
        Assert.That(r.DecisionMakers[0].ApproximationNote, Does.Contain("optimal policy"));
    }
}

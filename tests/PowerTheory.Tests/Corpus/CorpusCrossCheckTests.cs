using PowerTheory.DecisionMakers;
using PowerTheory.Mdps;
using PowerTheory.Solvers;
using PowerTheory.Tests.Solvers;

namespace PowerTheory.Tests.Corpus;

/// <summary>
/// One parameterised family over <see cref="AlgorithmCorpus"/>: on every model, the optimal-value solvers agree with
/// each other and with the batch solver; every policy evaluator agrees with a hand-written dense elimination; the
/// long-run figures of the two γ = 1 routes agree with each other and with (1 − γ)·V^π near γ = 1; every built-in
/// decision-maker returns a probability distribution at every state and reduces to its known limit. Seeds are fixed and
/// printed in every message.
/// </summary>
public class CorpusCrossCheckTests
{
    private const int Seed = 20261207;

    public static IEnumerable<TestCaseData> Models() =>
        AlgorithmCorpus.Models.Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    private static Mdp Build(string name) => AlgorithmCorpus.Models.Single(m => m.Name == name).Build();

    private static double[] Rewards(Mdp mdp, Random random) => RandomMdps.Rewards(random, mdp.StateCount);

    private static int[] DeterministicPolicy(Mdp mdp, Random random) =>
        Enumerable.Range(0, mdp.StateCount).Select(s => mdp.FirstStateAction(s) + random.Next(mdp.ActionCount(s))).ToArray();

    private static double[] AsRows(Mdp mdp, int[] stateActions)
    {
        var rows = new double[mdp.StateActionCount];
        foreach (int sa in stateActions) rows[sa] = 1;
        return rows;
    }

    private static double[] MixedPolicy(Mdp mdp, Random random)
    {
        var rows = new double[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
            var w = Enumerable.Range(0, k).Select(_ => 0.1 + random.NextDouble()).ToArray();
            for (int a = 0; a < k; a++) rows[first + a] = w[a] / w.Sum();
        }
        return rows;
    }

    /// <summary>V^π by dense elimination of (I − γP_π)V = r, P_π built from the MDP's rows by the test oracle.</summary>
    private static double[] Oracle(Mdp mdp, double[] rows, double[] r, double gamma) =>
        DenseOracle.Solve(DenseOracle.PolicySystem(mdp, rows, gamma, transposed: false), r);

    [TestCaseSource(nameof(Models))]
    public void OptimalValueSolversAgree(string name)
    {
        var mdp = Build(name);
        var random = new Random(Seed);
        foreach (double gamma in new[] { 0.5, 0.9 })
        {
            var r = Rewards(mdp, random);
            var pi = SolverAgreementTests.SolveAllAndCompare(mdp, r, gamma);
            var future = new double[mdp.StateCount];
            var optimal = new bool[mdp.StateActionCount];
            RewardBatchSolver.Create(mdp, gamma).Solve(r, future, optimal);
            double scale = Math.Max(RandomMdps.MaxAbs(pi.Values), 1);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                double best = Enumerable.Range(0, mdp.ActionCount(s)).Max(a => mdp.ExpectedValue(mdp.FirstStateAction(s) + a, pi.Values.ToArray()));
                Assert.That(future[s], Is.EqualTo((1 - gamma) * best).Within(1e-9 * scale), $"{name}, seed {Seed}, γ {gamma}, W({s})");
                for (int a = 0; a < mdp.ActionCount(s); a++)
                    Assert.That(optimal[mdp.FirstStateAction(s) + a], Is.EqualTo(pi.IsOptimal(s, a)), $"{name}, seed {Seed}, γ {gamma}, optimal({s},{a})");
            }
        }
    }

    [TestCaseSource(nameof(Models))]
    public void EveryPolicyEvaluatorAgreesWithDenseElimination(string name)
    {
        var mdp = Build(name);
        var random = new Random(Seed);
        const double gamma = 0.9;
        var policy = DeterministicPolicy(mdp, random);
        var r = Rewards(mdp, random);
        var expected = Oracle(mdp, AsRows(mdp, policy), r, gamma);
        double tolerance = 1e-9 * Math.Max(RandomMdps.MaxAbs(r), 1) / (1 - gamma);
        var evaluators = new List<DiscountedPolicyEvaluator>
        {
            new BandedLuPolicyEvaluator(mdp, gamma, BandOrdering.Of(mdp)),
            new DenseLuPolicyEvaluator(mdp, gamma),
            new SparseIterativePolicyEvaluator(mdp, gamma),
            new SweepPolicyEvaluator(mdp, gamma, new DenseLuPolicyEvaluator(mdp, gamma)),
            DiscountedPolicyEvaluator.For(mdp, gamma),
        };
        if (mdp.IsDeterministic) evaluators.Add(new FunctionalGraphPolicyEvaluator(mdp, gamma));
        var values = new double[mdp.StateCount];
        foreach (var evaluator in evaluators)
        {
            evaluator.Evaluate(policy, r, values);
            Assert.That(values, Is.EqualTo(expected).Within(tolerance), $"{name}, seed {Seed}, {evaluator.GetType().Name}");
        }
        var publicPolicy = new Policy(mdp, policy.Select((sa, s) => sa - mdp.FirstStateAction(s)).ToArray());
        Assert.That(PolicyEvaluation.Evaluate(mdp, publicPolicy, r, gamma), Is.EqualTo(expected).Within(tolerance), $"{name}: PolicyEvaluation");
        var stochastic = new StochasticPolicyEvaluator(mdp, gamma);
        stochastic.Values(AsRows(mdp, policy), r, values);
        Assert.That(values, Is.EqualTo(expected).Within(tolerance), $"{name}, seed {Seed}: StochasticPolicyEvaluator, one-action policy");
        var mixed = MixedPolicy(mdp, random);
        stochastic.Values(mixed, r, values);
        Assert.That(values, Is.EqualTo(Oracle(mdp, mixed, r, gamma)).Within(tolerance), $"{name}, seed {Seed}: StochasticPolicyEvaluator, mixed policy");
    }

    [TestCaseSource(nameof(Models))]
    public void LongRunRoutesAgree(string name)
    {
        var mdp = Build(name);
        var random = new Random(Seed);
        var r = Rewards(mdp, random);
        // (1−γ)·V^π = g + (1−γ)·h + O((1−γ)²) (the Laurent series, docs/theory.md §1.1): Richardson extrapolation from
        // ε = 1e-8 and 2e-8 removes the bias term (2·10⁻⁵ alone on the 12×12 slippery grid at ε = 1e-8; its next term
        // is ε²·y₁, about 10⁻⁵ at ε = 1e-6 there, 10⁻⁹ at 1e-8).
        const double eps = 1e-8;
        foreach (var rows in new[] { AsRows(mdp, DeterministicPolicy(mdp, random)), MixedPolicy(mdp, random) })
        {
            var gains = new double[mdp.StateCount];
            new PolicyFigures(mdp, 1.0).Gains(rows, r, gains);
            var reduction = new PolicyLongRun(mdp, rows).Gains(r);
            var near1 = Oracle(mdp, rows, r, 1 - eps);
            var near2 = Oracle(mdp, rows, r, 1 - 2 * eps);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                Assert.That(gains[s], Is.EqualTo(reduction[s]).Within(1e-10), $"{name}, seed {Seed}, state {s}: Laurent vs GTH");
                double extrapolated = 2 * eps * near1[s] - 2 * eps * near2[s];
                Assert.That(gains[s], Is.EqualTo(extrapolated).Within(1e-7), $"{name}, seed {Seed}, state {s}: vs (1−γ)V near 1, extrapolated");
            }
        }
    }

    private static readonly string[] Makers =
        ["optimal", "random", "boltzmann:T=0.1", "epsilon-greedy:eps=0.1", "horizon:H=3", "satisfice:q=0.8", "aup:lambda=0.5",
            "qlearning:episodes=20", "sarsa:episodes=20"];

    private static double[] Choose(string spec, Mdp mdp, double gamma, double[] r)
    {
        var chooser = DecisionMakerSpec.Parse(spec).Prepare(new DecisionContext(mdp, gamma, 0, 1))();
        var policy = new double[mdp.StateActionCount];
        chooser.Choose(r, new Random(1), policy);
        (chooser as IDisposable)?.Dispose();
        return policy;
    }

    [TestCaseSource(nameof(Models))]
    public void EveryDecisionMakerReturnsDistributionsAndMeetsItsLimit(string name)
    {
        var mdp = Build(name);
        var random = new Random(Seed);
        var r = Rewards(mdp, random);
        // AUP needs a no-op at every state (its penalty compares each action with doing nothing).
        bool hasNoop = Enumerable.Range(0, mdp.StateCount).All(s => mdp.ActionNames(s).Any(a => a is "stay" or "noop"));
        foreach (var spec in Makers.Where(m => hasNoop || !m.StartsWith("aup", StringComparison.Ordinal)))
        {
            var policy = Choose(spec, mdp, 0.9, r);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                var row = policy.AsSpan(mdp.FirstStateAction(s), mdp.ActionCount(s)).ToArray();
                Assert.That(row, Is.All.InRange(0.0, 1.0), $"{name}, {spec}, state {s}");
                Assert.That(row.Sum(), Is.EqualTo(1).Within(1e-12), $"{name}, {spec}, state {s}");
            }
        }
        var optimal = Choose("optimal", mdp, 0.9, r);
        Assert.That(Choose("epsilon-greedy:eps=0", mdp, 0.9, r), Is.EqualTo(optimal), $"{name}: ε-greedy at ε = 0 is optimal");
        if (hasNoop) Assert.That(Choose("aup:lambda=0", mdp, 0.9, r), Is.EqualTo(optimal), $"{name}: AUP at λ = 0 is optimal");
        var uniform = Choose("random", mdp, 0.9, r);
        Assert.That(Choose("boltzmann:T=1e9", mdp, 0.9, r), Is.EqualTo(uniform).Within(1e-6), $"{name}: Boltzmann at T → ∞ is uniform");
        // H = 1 maximises the expected next reward: the support is the γ → 0 optimal-action set.
        var myopic = Choose("horizon:H=1", mdp, 0.9, r);
        var limit = new bool[mdp.StateActionCount];
        RewardBatchSolver.Create(mdp, 0).Solve(r, new double[mdp.StateCount], limit);
        Assert.That(myopic.Select(p => p > 0), Is.EqualTo(limit), $"{name}: horizon H = 1 vs the γ → 0 optimal actions");
    }
}

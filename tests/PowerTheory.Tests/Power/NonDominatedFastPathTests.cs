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
        "random-stochastic-3" => RandomMdps.Small(3, stochastic: true),
        "random-deterministic-5" => RandomMdps.Small(5, stochastic: false),
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
                // At γ = 1 both paths take the action sets from the same Blackwell solver: see the independent count below.
                if (gamma < 1)
                    for (int a = 0; a < mdp.ActionCount(s); a++)
                        Assert.That(fast.OptimalityProbability(s, a).Mean, Is.EqualTo(reference.OptimalityProbability(s, a).Mean).Within(1e-12),
                            $"P(optimal) of {mdp.StateNames[s]}/{mdp.ActionName(s, a)}");
            }
        });
    }

    /// <summary>Issue #19 item 14: rewards 1/2 + k·2⁻³² (k uniform in 0..3) make many action gaps of a few 2⁻³² — far above
    /// the rounding floor, but below the old fast path's tolerance bar 10⁻⁹·(|V*| + max|r|/(1−γ)), which called them
    /// ties — and many exact ties. Over thousands of samples with one seed, both paths must give the same count for
    /// every (state, action), and both must equal the count of an exact-rational brute force over all policies
    /// (<see cref="ExactOptimalActions"/>) on the very rewards drawn.</summary>
    [TestCase("optsp-fig1", 0.5)]
    [TestCase("gamble-or-safe", 0.5)]
    [TestCase("loop-vs-2-cycle", 0.75)]
    [TestCase("random-deterministic-5", 0.875)]
    public void FastPathOptimalityCountsEqualTheExactSolverAndAnExactOracle(string model, double gamma)
    {
        const int samples = 3000;
        const ulong seed = 1914;
        var mdp = Model(model);
        var drawn = new List<double[]>();
        bool record = false;
        var law = PowerTheory.Rewards.RewardDistribution.FromSampler(mdp.StateCount, (random, r) =>
        {
            for (int s = 0; s < r.Length; s++) r[s] = 0.5 + random.Next(4) * Math.ScaleB(1.0, -32);
            if (record) lock (drawn) drawn.Add(r.ToArray());
        }, 0, 1, "1/2 + k·2^-32", isContinuous: false);
        var estimator = new PowerEstimator(mdp, law);
        record = true;
        var reference = estimator.Estimate(gamma, new PowerOptions { Samples = samples, Seed = seed, Threads = 1 });
        record = false;
        var fast = estimator.Estimate(gamma, new PowerOptions { Samples = samples, Seed = seed, UseNonDominatedSets = true });
        Assert.That(drawn, Has.Count.EqualTo(samples));
        var exactCounts = new long[mdp.StateActionCount];
        var exactGamma = ExactRational.FromDouble(gamma);
        foreach (var r in drawn)
        {
            var optimal = ExactOptimalActions.At(mdp, r, exactGamma, out _);
            for (int sa = 0; sa < optimal.Length; sa++) if (optimal[sa]) exactCounts[sa]++;
        }
        long strictlyBetween = 0;
        Assert.Multiple(() =>
        {
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    long exact = exactCounts[mdp.FirstStateAction(s) + a];
                    double slow = reference.OptimalityProbability(s, a).Mean * samples, quick = fast.OptimalityProbability(s, a).Mean * samples;
                    string where = $"{model}, γ = {gamma}, {mdp.StateNames[s]}/{mdp.ActionName(s, a)} (seed {seed})";
                    Assert.That(quick, Is.EqualTo(slow), $"fast path against the exact solver, {where}");
                    Assert.That(Math.Round(slow), Is.EqualTo(exact), $"exact solver against the rational brute force, {where}");
                    if (exact > 0 && exact < samples) strictlyBetween++;
                }
        });
        Assert.That(strictlyBetween, Is.Positive, "the premise: some action is optimal in some samples and not in others");
        Assert.That(reference.Certification.NearTies + fast.Certification.NearTies, Is.Zero, "gaps of 2⁻³² are decided, not near-ties");
    }

    [TestCase("optsp-fig1")]
    [TestCase("gamble-or-safe")]
    [TestCase("loop-vs-2-cycle")]
    [TestCase("random-stochastic-3")]
    public void FastPathActionProbabilitiesAtGammaOneMatchAnIndependentCount(string model)
    {
        // Independent count: fresh rewards k/2²⁰ (uniform on a fine grid, so ties are improbable), each decided by the
        // exact-rational brute force over all policies at γ = 1 − 2⁻³⁰⁰ (ExactOptimalActions); a two-sample z-test.
        var mdp = Model(model);
        var fast = new PowerEstimator(mdp).Estimate(1.0, new PowerOptions { Samples = 2000, Seed = 13, UseNonDominatedSets = true });
        const int samples = 300;
        var hits = new int[mdp.StateActionCount];
        var rng = new Random(31);
        var gamma = ExactRational.One - ExactRational.PowerOfHalf(300);
        for (int i = 0; i < samples; i++)
        {
            var r = Enumerable.Range(0, mdp.StateCount).Select(_ => rng.Next(1 << 20) / (double)(1 << 20)).ToArray();
            var optimal = ExactOptimalActions.At(mdp, r, gamma, out _);
            for (int sa = 0; sa < hits.Length; sa++) if (optimal[sa]) hits[sa]++;
        }
        Assert.Multiple(() =>
        {
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    var p = fast.OptimalityProbability(s, a);
                    double q = (double)hits[mdp.FirstStateAction(s) + a] / samples;
                    double se = Math.Sqrt(p.StandardError * p.StandardError + q * (1 - q) / samples);
                    Assert.That(Math.Abs(p.Mean - q), Is.LessThanOrEqualTo(Math.Max(4 * se, 1e-12)),
                        $"P({mdp.StateNames[s]}, {mdp.ActionName(s, a)}, 1): fast path {p}, independent count {q}");
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

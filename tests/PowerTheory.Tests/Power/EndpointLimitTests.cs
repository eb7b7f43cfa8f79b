using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Rewards;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Power;

/// <summary>
/// The endpoints γ = 0 and γ = 1 are limits (docs/theory.md §1.1, §1.3): the optimal actions of Π*(R,1) are the
/// Blackwell-optimal ones, those of Π*(R,0) the lexicographic γ → 0 limit, and user events at the endpoints are limits of
/// the γ ∈ (0,1) events. Each is checked against an independent oracle (exact rational arithmetic over all policies, or
/// a closed form).
/// </summary>
public class EndpointLimitTests
{
    /// <summary>Rewards k/2²⁰ (ties improbable) or from {0, 1/2, 1} (ties common), exact in binary.</summary>
    private static double[] DyadicRewards(Random rng, int n, bool discrete) =>
        Enumerable.Range(0, n).Select(_ => discrete ? rng.Next(3) / 2.0 : rng.Next(1 << 20) / (double)(1 << 20)).ToArray();

    private static IEnumerable<(int Seed, Mdp Mdp, double[] Reward)> Cases(bool stochastic)
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var mdp = RandomMdps.Dyadic(seed, stochastic);
            var rng = new Random(1000 + seed);
            yield return (seed, mdp, DyadicRewards(rng, mdp.StateCount, discrete: false));
            yield return (seed, mdp, DyadicRewards(rng, mdp.StateCount, discrete: true));
        }
    }

    private static string Describe(int seed, Mdp mdp, double[] r, int sa) =>
        $"seed {seed} ({(mdp.IsDeterministic ? "deterministic" : "stochastic")}), r = [{string.Join(", ", r)}], " +
        $"{mdp.StateNames[mdp.StateOf(sa)]}/{mdp.ActionName(mdp.StateOf(sa), sa - mdp.FirstStateAction(mdp.StateOf(sa)))}";

    [TestCase(false)]
    [TestCase(true)]
    public void BlackwellOptimalActionsEqualExactComparisonOverAllPolicies(bool stochastic)
    {
        var gamma = ExactRational.One - ExactRational.PowerOfHalf(300);
        foreach (var (seed, mdp, r) in Cases(stochastic))
        {
            var expected = ExactOptimalActions.At(mdp, r, gamma, out var values);
            var solver = new BlackwellPolicyIteration(mdp, 1e-9);
            var gain = new double[mdp.StateCount];
            var optimal = new bool[mdp.StateActionCount];
            solver.Solve(r, gain, optimal);
            for (int sa = 0; sa < optimal.Length; sa++)
                Assert.That(optimal[sa], Is.EqualTo(expected[sa]), "Blackwell-optimal? " + Describe(seed, mdp, r, sa));
            for (int s = 0; s < mdp.StateCount; s++)
            {
                double limit = (double)((ExactRational.One - gamma) * values[s]).Numerator
                    / (double)((ExactRational.One - gamma) * values[s]).Denominator;
                Assert.That(gain[s], Is.EqualTo(limit).Within(1e-9), $"g* at s{s}, seed {seed}");
            }
            // A warm start from another policy reaches the same sets.
            solver.Solve(r.Select(x => 1 - x).ToArray(), gain, optimal);
            solver.Solve(r, gain, optimal);
            for (int sa = 0; sa < optimal.Length; sa++)
                Assert.That(optimal[sa], Is.EqualTo(expected[sa]), "after a warm start: " + Describe(seed, mdp, r, sa));
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void GammaZeroOptimalActionsEqualExactComparisonOverAllPolicies(bool stochastic)
    {
        var gamma = ExactRational.PowerOfHalf(300);
        foreach (var (seed, mdp, r) in Cases(stochastic))
        {
            var expected = ExactOptimalActions.At(mdp, r, gamma, out _);
            var value = new double[mdp.StateCount];
            var optimal = new bool[mdp.StateActionCount];
            new DiscountZeroLimitSolver(mdp, 1e-9).Solve(r, value, optimal);
            for (int sa = 0; sa < optimal.Length; sa++)
                Assert.That(optimal[sa], Is.EqualTo(expected[sa]), "optimal as γ → 0? " + Describe(seed, mdp, r, sa));
        }
    }

    /// <summary>s0 can stay (self-loop) or go down a corridor of <paramref name="length"/> states with reward 0 into an
    /// absorbing t.</summary>
    private static Mdp Corridor(int length)
    {
        var b = new MdpBuilder($"corridor-{length}").AddState("s0");
        for (int i = 1; i <= length; i++) b.AddState($"c{i}");
        b.AddState("t");
        b.AddAction("s0", "stay", "s0").AddAction("s0", "go", "c1");
        for (int i = 1; i < length; i++) b.AddAction($"c{i}", "next", $"c{i + 1}");
        b.AddAction($"c{length}", "next", "t").AddAction("t", "stay", "t");
        return b.Build();
    }

    [Test]
    public void CorridorGoIsBlackwellOptimalExactlyWhenTheEndIsBetter()
    {
        // Gains: staying earns r(s0) forever, going earns r(t); the Blackwell-optimal action at s0 is "go" exactly when
        // r(t) > r(s0), so P(s0, go, 1) = 1/2 whatever the corridor's length (1,000 zero-reward states here).
        var mdp = Corridor(1000);
        var zero = Enumerable.Range(1, 1000).ToDictionary(i => mdp.StateIndex($"c{i}"), _ => ScalarDistribution.Point(0));
        var rewards = new StateRewardDistribution(mdp, ScalarDistribution.Uniform(), zero);
        var at = new PowerEstimator(mdp, rewards).Estimate(1.0, new PowerOptions { Samples = 20_000, Seed = 17 });
        var go = at.OptimalityProbability("s0", "go");
        var stay = at.OptimalityProbability("s0", "stay");
        Assert.That(Math.Abs(go.ZScore(0.5)), Is.LessThan(4), $"P(s0, go, 1) = {go}");
        Assert.That(go.Mean + stay.Mean, Is.EqualTo(1).Within(1e-12), "continuous law: exactly one is optimal");
        // POWER(s0, 1) = E max(r(s0), r(t)) = 2/3.
        Assert.That(Math.Abs(at.Power("s0").ZScore(2.0 / 3)), Is.LessThan(4));
    }

    /// <summary>s → m → {a, b}, a and b absorbing: F = {the policy that goes m → a}.</summary>
    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void PolicySetEventCountsLaterActionsAtEveryDiscount(double gamma)
    {
        var mdp = new MdpBuilder("s-m-ab").AddStates("s", "m", "a", "b")
            .AddAction("s", "go", "m").AddAction("m", "to_a", "a").AddAction("m", "to_b", "b")
            .AddAction("a", "stay", "a").AddAction("b", "stay", "b").Build();
        var viaA = Policy.FromNames(mdp, new Dictionary<string, string> { ["m"] = "to_a" });
        var e = OptimalityEvent.FromPolicies(mdp.StateIndex("s"), new[] { viaA });
        var p = new PowerEstimator(mdp).OptimalityProbability(e, gamma, new PowerOptions { Samples = 4000, Seed = 21 });
        Assert.That(Math.Abs(p.ZScore(0.5)), Is.LessThan(4), $"P_D(F, {gamma}) = {p}; the truth is 1/2 at every γ");
    }

    /// <summary>s → {m1, m2} → t, t absorbing: F = {the policy through m1}.</summary>
    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(1.0)]
    public void PolicySetEventCountsTransientPathsAtEveryDiscount(double gamma)
    {
        var mdp = new MdpBuilder("s-m12-t").AddStates("s", "m1", "m2", "t")
            .AddAction("s", "to_m1", "m1").AddAction("s", "to_m2", "m2")
            .AddAction("m1", "on", "t").AddAction("m2", "on", "t").AddAction("t", "stay", "t").Build();
        var viaM1 = Policy.FromNames(mdp, new Dictionary<string, string> { ["s"] = "to_m1" });
        var e = OptimalityEvent.FromPolicies(mdp.StateIndex("s"), new[] { viaM1 });
        var p = new PowerEstimator(mdp).OptimalityProbability(e, gamma, new PowerOptions { Samples = 4000, Seed = 22 });
        Assert.That(Math.Abs(p.ZScore(0.5)), Is.LessThan(4), $"P_D(F, {gamma}) = {p}; the truth is 1/2 at every γ");
    }

    [Test]
    public void PolicySetEventsAtGammaOneWorkOnStochasticMdps()
    {
        // s: a → t1 or t2 (1/2 each), b → t3 (the stochastic example of docs/theory.md §4.2 item 5): P(F = {a}) = 1/2.
        var mdp = new MdpBuilder("stochastic-choice").AddStates("s", "t1", "t2", "t3")
            .AddAction("s", "a", ("t1", 0.5), ("t2", 0.5)).AddAction("s", "b", "t3")
            .AddAction("t1", "stay", "t1").AddAction("t2", "stay", "t2").AddAction("t3", "stay", "t3").Build();
        var a = Policy.FromNames(mdp, new Dictionary<string, string> { ["s"] = "a" });
        var e = OptimalityEvent.FromPolicies(0, new[] { a });
        var p = new PowerEstimator(mdp).OptimalityProbability(e, 1.0, new PowerOptions { Samples = 4000, Seed = 23 });
        Assert.That(Math.Abs(p.ZScore(0.5)), Is.LessThan(4), p.ToString());
    }

    [Test]
    public void TenThousandStateDeterministicRunAtGammaOneStaysWithinTwoHundredMegabytes()
    {
        // No self-loop anywhere (no shortcut through a 1-cycle): two successors per state, one strongly connected ring.
        const int n = 10_000;
        var b = new MdpBuilder("ring-10k");
        for (int i = 0; i < n; i++) b.AddState($"x{i}");
        for (int i = 0; i < n; i++)
        {
            int skip = (int)((i * 7919L + 13) % n);
            if (skip == i || skip == (i + 1) % n) skip = (i + 2) % n;
            b.AddAction($"x{i}", "next", $"x{(i + 1) % n}").AddAction($"x{i}", "skip", $"x{skip}");
        }
        var mdp = b.Build();
        Assert.That(Enumerable.Range(0, n).Any(mdp.HasSelfLoop), Is.False);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var at = new PowerEstimator(mdp).Estimate(1.0, new PowerOptions { Samples = 8, BlockSize = 4, Threads = 2, Seed = 5 });
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.That(allocated, Is.LessThan(200L << 20), $"allocated {allocated / (1 << 20)} MB");
        // One strongly connected component: every state has the same optimal gain, a cycle mean inside [0, 1].
        var p0 = at.Power(0).Mean;
        for (int s = 0; s < n; s += 997) Assert.That(at.Power(s).Mean, Is.EqualTo(p0).Within(1e-12));
        Assert.That(p0, Is.InRange(0.0, 1.0));
    }
}

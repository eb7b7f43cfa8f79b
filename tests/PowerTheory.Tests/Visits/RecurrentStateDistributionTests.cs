using PowerTheory.Polytope;
using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Visits;

/// <summary>RSD(s) and RSD_nd(s) (docs/theory.md §1.5, §4.1 (d)), computed exactly from recurrent classes.</summary>
public class RecurrentStateDistributionTests
{
    [Test]
    public void Figure1StarRsdAndNonDominatedRsdMatchThePaper()
    {
        var mdp = PaperMdps.OptspFigure1();
        var set = RecurrentStateDistributionSet.Enumerate(mdp, "star");
        double[] E(params (string State, double Value)[] entries)
        {
            var v = new double[mdp.StateCount];
            foreach (var (s, x) in entries) v[mdp.StateIndex(s)] = x;
            return v;
        }
        var nonDominated = new[]
        {
            E(("empty", 1)), E(("l_sw", 1)), E(("l_sw", 0.5), ("l_nw", 0.5)), E(("r_se", 1)), E(("r_ne", 1)),
        };
        var dominated = E(("r_se", 0.5), ("r_ne", 0.5));
        Assert.That(set.Count, Is.EqualTo(6));
        AssertSameSet(set.Distributions.Select(e => e.Distribution), nonDominated.Append(dominated));
        AssertSameSet(set.NonDominated().Select(e => e.Distribution), nonDominated);
    }

    [Test]
    public void StochasticAbsorptionSplitsOverRecurrentClasses()
    {
        // s → t1 (self-loop) with 0.3, → u with 0.7; u ↔ w is a 2-cycle. d = 0.3 e_t1 + 0.35 e_u + 0.35 e_w.
        var mdp = new MdpBuilder("split")
            .AddStates("s", "t1", "u", "w")
            .AddAction("s", "go", ("t1", 0.3), ("u", 0.7))
            .AddAction("t1", "stay", "t1").AddAction("u", "next", "w").AddAction("w", "next", "u")
            .Build();
        var d = RecurrentStateDistribution.Compute(mdp, Policy.First(mdp), 0);
        Assert.That(d, Is.EqualTo(new[] { 0, 0.3, 0.35, 0.35 }).AsCollection.Within(1e-14));
        var gamble = RecurrentStateDistribution.Compute(PaperMdps.GambleOrSafe(), Policy.First(PaperMdps.GambleOrSafe()), 0);
        Assert.That(gamble, Is.EqualTo(new[] { 0, 0.5, 0.5, 0 }).AsCollection.Within(1e-14));
    }

    [Test]
    public void RsdsAreStationaryProbabilityVectorsAndTheDiscountedLimit()
    {
        Gen.Int[0, 1_000_000].SamplePinned(seed =>
        {
            var mdp = RandomMdps.Small(seed, stochastic: seed % 3 != 0);
            foreach (var policy in Policy.EnumerateAll(mdp).Take(30))
            {
                for (int s = 0; s < mdp.StateCount; s++)
                {
                    var d = RecurrentStateDistribution.Compute(mdp, policy, s);
                    Assert.That(d.All(x => x >= 0), Is.True, $"seed {seed}: non-negative");
                    Assert.That(d.Sum(), Is.EqualTo(1).Within(1e-12), $"seed {seed}: sums to 1");
                    // Stationary: d·T_π = d.
                    var next = new double[d.Length];
                    for (int u = 0; u < d.Length; u++)
                    {
                        int sa = policy.StateActionAt(u);
                        var succ = mdp.Successors(sa);
                        var prob = mdp.Probabilities(sa);
                        for (int k = 0; k < succ.Length; k++) next[succ[k]] += d[u] * prob[k];
                    }
                    Assert.That(next, Is.EqualTo(d).AsCollection.Within(1e-12), $"seed {seed}: stationary");
                    // An independent check (not how it is computed): (1−γ)f(γ) → d as γ → 1.
                    const double g = 1 - 1e-7;
                    var f = VisitDistribution.Compute(mdp, policy, s, g).ToArray();
                    Assert.That(f.Select(x => (1 - g) * x).ToArray(), Is.EqualTo(d).AsCollection.Within(1e-4), $"seed {seed}: limit");
                }
            }
        }, iter: 30, firstCase: "0003Rs5dTq0a");
    }

    [Test]
    public void OneCycleRsdsAreAlwaysNonDominated()
    {
        // Lemma E.51: if e_x ∈ RSD(s) then e_x is non-dominated.
        for (int seed = 0; seed < 15; seed++)
        {
            var mdp = RandomMdps.Small(seed, stochastic: seed % 2 == 0);
            var set = RecurrentStateDistributionSet.Enumerate(mdp, 0);
            var nd = set.NonDominated();
            foreach (var e in set.Distributions.Where(e => e.Distribution.Count(x => x > 0) == 1))
                Assert.That(nd, Does.Contain(e), $"seed {seed}");
        }
    }

    private static void AssertSameSet(IEnumerable<IReadOnlyList<double>> actual, IEnumerable<double[]> expected)
    {
        var a = actual.ToList();
        var e = expected.ToList();
        Assert.That(a, Has.Count.EqualTo(e.Count));
        foreach (var x in e)
            Assert.That(a.Any(y => y.Zip(x, (p, q) => Math.Abs(p - q)).Max() < 1e-12), Is.True, $"missing [{string.Join(", ", x)}]");
    }
}

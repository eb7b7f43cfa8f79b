using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Symmetry;

/// <summary>OPTSP Prop 6.6 and Cor 6.14 / PRDM Cor D.12 on Figure 1, against the POWER engine and an exact enumeration
/// of the 8! reward orbit.</summary>
public class PowerAndAvoidanceFinderTests
{
    [Test]
    public void Prop66BetweenTheSuccessorsOfStar()
    {
        var mdp = PaperMdps.OptspFigure1();
        var right = PowerComparisonFinder.Find(mdp, "r", "l");
        Assert.That(right.Holds, Is.True, string.Join("\n", right.Conditions));
        Assert.That(right.Involutions[0][mdp.StateIndex("l")], Is.EqualTo(mdp.StateIndex("r")));
        Assert.That(right.Route, Does.Contain("verified"));
        var left = PowerComparisonFinder.Find(mdp, "l", "r");
        Assert.That(left.Holds, Is.False, "ℓ◁'s structure cannot hold a copy of r▷'s (r↗ has a self-loop, ℓ↖ has not)");
        Assert.That(left.Search.IsComplete, Is.True);
        var terminal = PowerComparisonFinder.Find(mdp, "r_se", "empty");
        Assert.That(terminal.Holds, Is.True);
        Assert.That(terminal.Conditions.Single(c => c.Name.StartsWith("strict")).Holds, Is.True);
    }

    [Test]
    public void CertifiedPowerComparisonsAgreeWithTheEngine()
    {
        var mdp = PaperMdps.OptspFigure1();
        var result = new PowerEstimator(mdp).Estimate(new[] { 0.5, 0.9 }, new PowerOptions { Samples = 20_000, Seed = 7 });
        foreach (var (s, t) in new[] { ("r", "l"), ("r_se", "empty"), ("r_ne", "empty"), ("r_se", "l_sw") })
        {
            var cert = PowerComparisonFinder.Find(mdp, s, t);
            if (!cert.Holds) continue;
            foreach (var at in result.ByGamma)
            {
                var a = at.Power(s);
                var b = at.Power(t);
                Assert.That(a.Mean, Is.GreaterThanOrEqualTo(b.Mean - 4 * Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError)),
                    $"certified POWER({s}) ≥_most POWER({t}) but the engine says {a.Mean} vs {b.Mean} at γ = {at.Gamma}");
            }
        }
    }

    [Test]
    public void AvoidingTheTerminalStateHasNThreeAndTheOrbitAgrees()
    {
        var mdp = PaperMdps.OptspFigure1();
        var cert = TerminalAvoidanceFinder.Find(mdp, "star", new[] { "empty" });
        Assert.That(cert.Holds, Is.True, string.Join("\n", cert.Conditions));
        Assert.That(cert.N, Is.EqualTo(3));
        foreach (var phi in cert.Involutions) Assert.That(phi.IsInvolution, Is.True);
        // Exact orbit: r = (2⁰, …, 2⁷) permuted in all 8! ways; ∅ is strictly average-optimal from ⋆ when e_∅·r beats
        // every other recurrent distribution of ⋆. The certificate predicts avoidance in at least 3/4 of the orbit.
        var rsd = RecurrentStateDistributionSet.Enumerate(mdp, "star").Distributions.Select(e => e.Distribution.ToArray()).ToArray();
        int empty = mdp.StateIndex("empty");
        var values = Enumerable.Range(0, 8).Select(i => Math.Pow(2, i)).ToArray();
        long total = 0, emptyStrictlyOptimal = 0;
        foreach (var r in Permutations(values))
        {
            total++;
            double best = rsd.Where(d => d[empty] != 1).Max(d => d.Zip(r, (p, q) => p * q).Sum());
            if (r[empty] > best) emptyStrictlyOptimal++;
        }
        Assert.That(total, Is.EqualTo(40320));
        double avoiding = 1 - emptyStrictlyOptimal / (double)total;
        Assert.That(avoiding, Is.GreaterThanOrEqualTo(3.0 / 4), $"∅ strictly optimal in {emptyStrictlyOptimal} of {total}");
        Assert.That(emptyStrictlyOptimal, Is.GreaterThan(0), "the bound is not vacuous");
    }

    [Test]
    public void AvoidingEveryOneCycleCannotBeCertified()
    {
        var mdp = PaperMdps.OptspFigure1();
        var cert = TerminalAvoidanceFinder.Find(mdp, "star", new[] { "empty", "l_sw", "r_se" });
        Assert.That(cert.Holds, Is.False, "only one other 1-cycle (r↗) for three avoided states");
        var notTerminal = TerminalAvoidanceFinder.Find(mdp, "star", new[] { "l" });
        Assert.That(notTerminal.Holds, Is.False);
        Assert.That(notTerminal.Conditions[0].Holds, Is.False);
    }

    private static IEnumerable<double[]> Permutations(double[] items)
    {
        var a = (double[])items.Clone();
        var c = new int[a.Length];
        yield return (double[])a.Clone();
        for (int i = 0; i < a.Length;)
        {
            if (c[i] < i)
            {
                if (i % 2 == 0) (a[0], a[i]) = (a[i], a[0]);
                else (a[c[i]], a[i]) = (a[i], a[c[i]]);
                yield return (double[])a.Clone();
                c[i]++;
                i = 0;
            }
            else
            {
                c[i] = 0;
                i++;
            }
        }
    }
}

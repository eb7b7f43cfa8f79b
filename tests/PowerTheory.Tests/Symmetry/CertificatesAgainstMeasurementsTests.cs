using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Retargeting;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Symmetry;

/// <summary>The finders' predictions on Figure 1 against measurements: Prop 6.6 against the POWER engine, and the n = 3
/// of Cor 6.14 / D.12 against an exact enumeration of the 8! reward orbit and a Monte Carlo estimate.</summary>
public class CertificatesAgainstMeasurementsTests
{
    [Test]
    public void CertifiedPowerComparisonsAgreeWithTheEngine()
    {
        var mdp = PaperMdps.OptspFigure1();
        var result = new PowerEstimator(mdp).Estimate(new[] { 0.5, 0.9 }, new PowerOptions { Samples = 20_000, Seed = 7 });
        // Each of these pairs is related by an involution of Figure 1 (r ↔ l swaps the branches; r_se, r_ne and l_sw are
        // interchangeable with the terminal ∅ as one-state options), so each must be certified, and checked.
        foreach (var (s, t) in new[] { ("r", "l"), ("r_se", "empty"), ("r_ne", "empty"), ("r_se", "l_sw") })
        {
            var cert = SymmetryFinder.PowerDominance(mdp, mdp.StateIndex(s), mdp.StateIndex(t));
            Assert.That(cert.Holds, Is.True, $"POWER({s}) ≥_most POWER({t}) must be certified: {cert}");
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
    public void PairsTheEngineSeparatesAreProvedUncertifiable()
    {
        // The reverse comparisons are false (the engine separates them by many SE at γ = 0.9), so the finder must refuse
        // them with a proof of absence, not a certificate.
        var mdp = PaperMdps.OptspFigure1();
        var at = new PowerEstimator(mdp).Estimate(new[] { 0.9 }, new PowerOptions { Samples = 20_000, Seed = 7 }).ByGamma[0];
        foreach (var (s, t) in new[] { ("l", "r"), ("empty", "star"), ("l_nw", "r_ne") })
        {
            Assert.That(at.Power(s).Mean, Is.LessThan(at.Power(t).Mean - 4 * (at.Power(s).StandardError + at.Power(t).StandardError)),
                $"the engine separates POWER({s}) < POWER({t})");
            var cert = SymmetryFinder.PowerDominance(mdp, mdp.StateIndex(s), mdp.StateIndex(t));
            Assert.That(cert.Holds, Is.False, cert.ToString());
        }
    }

    [Test]
    public void AvoidingTheTerminalStateHasNThreeAndTheOrbitAgrees()
    {
        var mdp = PaperMdps.OptspFigure1();
        var cert = SymmetryFinder.AverageOptimalAvoidance(mdp, mdp.StateIndex("star"), new[] { mdp.StateIndex("empty") });
        Assert.That(cert.Holds, Is.True, cert.ToString());
        Assert.That(cert.N, Is.EqualTo(3));
        foreach (var phi in cert.Permutations) Assert.That(phi.IsInvolution, Is.True);
        // Exact orbit: r = (2⁰, …, 2⁷) permuted in all 8! ways; ∅ is strictly average-optimal from ⋆ when e_∅·r beats
        // every other recurrent distribution of ⋆. The certificate predicts avoidance in at least 3/4 of the orbit.
        var (avoiding, emptyStrictlyOptimal) = OrbitOfAvoidance(mdp);
        Assert.That(avoiding, Is.GreaterThanOrEqualTo(cert.N / (cert.N + 1.0)), $"∅ strictly optimal in {emptyStrictlyOptimal} of 40320");
        Assert.That(emptyStrictlyOptimal, Is.GreaterThan(0), "the bound is not vacuous");
        // And under IID uniform rewards at γ → 1 (the event "an average-optimal policy ends in ∅"), within 4 SE.
        var ends = OptimalityEvent.EndsIn(mdp, "star", "empty");
        var p = new PowerEstimator(mdp).Estimate(new[] { 1.0 }, new PowerOptions { Samples = 20_000, Seed = 5, Events = [ends] })
            .ByGamma[0].Events[0].Probability;
        Assert.That(1 - p.Mean, Is.GreaterThanOrEqualTo(cert.N / (cert.N + 1.0) - 4 * p.StandardError));
    }

    /// <summary>The orbit of r = (2⁰, …, 2⁷) over the 8 states, counted exactly by the retargeting layer (an independent
    /// code path): C = RSD(⋆) as outcome lotteries, A = {e_∅}, B = the rest, rule IsOptimal. A "wins" exactly when ∅ is
    /// strictly average-optimal; the weak fraction is the share of the orbit that avoids ∅.</summary>
    internal static (double Avoiding, long EmptyStrictlyOptimal) OrbitOfAvoidance(Mdp mdp)
    {
        var rsd = RecurrentStateDistributionSet.Enumerate(mdp, "star").Distributions
            .Select((e, i) => new OutcomeLottery(e.Distribution, $"d{i}")).ToArray();
        int empty = mdp.StateIndex("empty");
        var options = new LotterySet(rsd, mdp.StateCount);
        var a = new LotterySet(rsd.Where(d => d.Vector[empty] == 1), mdp.StateCount);
        var b = new LotterySet(rsd.Where(d => d.Vector[empty] != 1), mdp.StateCount);
        var theta = Enumerable.Range(0, mdp.StateCount).Select(i => Math.Pow(2, i)).ToArray();
        var counts = OrbitCounter.Count(new RetargetingQuestion(options, a, b, new IsOptimalRule()), theta, new SearchBudget(1_000_000, 60));
        Assert.That(counts.IsExact, Is.True);
        Assert.That(counts.Counted, Is.EqualTo(40320));
        return (counts.WeakFraction, counts.AWins);
    }
}

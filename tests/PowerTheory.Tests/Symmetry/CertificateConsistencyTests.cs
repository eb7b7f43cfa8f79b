using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>Every Prop 6.6 certificate the finder returns for a pair of cells agrees with the POWER engine: the certified
/// side is never significantly lower (4 standard errors of the paired difference, at two γ). On the 7×7 maze (which has
/// almost no symmetry) and on the open 3×3 grid (which has many, so the check is not vacuous).</summary>
public class CertificateConsistencyTests
{
    [TestCase("maze7", 0)]
    [TestCase("grid3", 1)]
    public void CertifiedCellsAreNeverSignificantlyLessPowerful(string name, int leastCertified)
    {
        const int seed = 31;
        var mdp = BuiltInEnvironments.Create(name);
        var result = new PowerEstimator(mdp).Estimate(new[] { 0.5, 0.9 }, new PowerOptions { Samples = 20_000, Seed = seed, KeepSamples = true });
        int certified = 0, checkedPairs = 0;
        foreach (int s in Enumerable.Range(0, mdp.StateCount))
        foreach (int t in Enumerable.Range(0, mdp.StateCount))
        {
            if (s == t) continue;
            if (name == "maze7" && (s + 7 * t) % 23 != 0) continue; // a fixed sample of the maze's 930 pairs, for time
            checkedPairs++;
            var cert = SymmetryFinder.PowerDominance(mdp, s, t, new SearchBudget(20_000, 2));
            if (!cert.Holds) continue;
            certified++;
            for (int g = 0; g < result.ByGamma.Count; g++)
            {
                // Paired samples: the standard error of the mean difference.
                var kept = result.SampleValues(g).ToArray();
                int n = mdp.StateCount, count = kept.Length / n;
                var diff = Enumerable.Range(0, count).Select(i => kept[i * n + s] - kept[i * n + t]).ToArray();
                double mean = diff.Average(), se = Math.Sqrt(diff.Select(d => (d - mean) * (d - mean)).Sum() / (count - 1) / count);
                Assert.That(mean, Is.GreaterThanOrEqualTo(-4 * se),
                    $"seed {seed}: certified POWER({mdp.StateNames[s]}) ≥_most POWER({mdp.StateNames[t]}) but the engine's mean difference is {mean} ± {se} at γ = {result.ByGamma[g].Gamma}");
            }
        }
        Assert.That(certified, Is.GreaterThanOrEqualTo(leastCertified), "the comparison must not be vacuous");
        TestContext.Out.WriteLine($"{certified} of {checkedPairs} pairs certified");
    }
}

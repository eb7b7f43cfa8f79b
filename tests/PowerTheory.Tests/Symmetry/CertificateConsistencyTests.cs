using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>Prop 6.6 certificates against the POWER engine, on every ordered pair of cells: a certified pair is never
/// significantly less powerful (4 standard errors of the paired difference, at two γ), and a pair the engine separates
/// significantly is never certified the wrong way round. Non-vacuous by construction: on the open 3×3 grid every pair of
/// cells related by one of the square's 8 symmetries (computed here from the coordinates, independently of the finder) must
/// be certified; on the 7×7 maze, which has no such symmetry, the engine must separate many pairs, none of them certified
/// against the engine's sign.</summary>
public class CertificateConsistencyTests
{
    [TestCase("maze7")]
    [TestCase("grid3")]
    public void CertificatesAgreeWithTheEngineOnEveryPair(string name)
    {
        const int seed = 31;
        var mdp = BuiltInEnvironments.Create(name);
        var result = new PowerEstimator(mdp).Estimate(new[] { 0.5, 0.9 }, new PowerOptions { Samples = 20_000, Seed = seed, KeepSamples = true });
        int n = mdp.StateCount;
        var certified = new HashSet<(int, int)>();
        int separated = 0;
        foreach (int s in Enumerable.Range(0, n))
        foreach (int t in Enumerable.Range(0, n))
        {
            if (s == t) continue;
            var cert = SymmetryFinder.PowerDominance(mdp, s, t, new SearchBudget(20_000, 2));
            if (cert.Holds) certified.Add((s, t));
            for (int g = 0; g < result.ByGamma.Count; g++)
            {
                // Paired samples: the standard error of the mean difference POWER(s) − POWER(t).
                var kept = result.SampleValues(g).ToArray();
                int count = kept.Length / n;
                var diff = Enumerable.Range(0, count).Select(i => kept[i * n + s] - kept[i * n + t]).ToArray();
                double mean = diff.Average(), se = Math.Sqrt(diff.Select(d => (d - mean) * (d - mean)).Sum() / (count - 1) / count);
                if (mean < -4 * se) separated++;
                if (cert.Holds)
                    Assert.That(mean, Is.GreaterThanOrEqualTo(-4 * se),
                        $"seed {seed}: certified POWER({mdp.StateNames[s]}) ≥_most POWER({mdp.StateNames[t]}) but the engine's mean difference is {mean} ± {se} at γ = {result.ByGamma[g].Gamma}");
            }
        }
        TestContext.Out.WriteLine($"{name}: {certified.Count} of {n * (n - 1)} ordered pairs certified; {separated} (pair, γ) significantly separated");
        if (name == "grid3")
        {
            var images = SquareSymmetryPairs(mdp, 3);
            Assert.That(images, Has.Count.EqualTo(24), "corners 4·3 + edges 4·3 ordered pairs");
            Assert.That(images.Except(certified).Select(p => $"{mdp.StateNames[p.Item1]}→{mdp.StateNames[p.Item2]}"), Is.Empty,
                "pairs related by a symmetry of the square must be certified");
        }
        else
        {
            Assert.That(separated, Is.GreaterThanOrEqualTo(100), "the maze's cells must differ measurably, so the check bites");
        }
    }

    /// <summary>Ordered pairs (s, t), s ≠ t, of cells rcC of a k×k open grid with t = g(s) for one of the 8 symmetries g of
    /// the square (rotations and reflections of the coordinates).</summary>
    private static HashSet<(int, int)> SquareSymmetryPairs(PowerTheory.Mdps.Mdp mdp, int k)
    {
        var maps = new Func<int, int, (int, int)>[]
        {
            (r, c) => (r, c), (r, c) => (c, k - 1 - r), (r, c) => (k - 1 - r, k - 1 - c), (r, c) => (k - 1 - c, r),
            (r, c) => (r, k - 1 - c), (r, c) => (k - 1 - r, c), (r, c) => (c, r), (r, c) => (k - 1 - c, k - 1 - r),
        };
        var pairs = new HashSet<(int, int)>();
        for (int r = 0; r < k; r++)
        for (int c = 0; c < k; c++)
        foreach (var g in maps)
        {
            var (r2, c2) = g(r, c);
            int s = mdp.StateIndex($"r{r}c{c}"), t = mdp.StateIndex($"r{r2}c{c2}");
            if (s != t) pairs.Add((s, t));
        }
        return pairs;
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>The banded average-reward evaluation (reference-state deflation in band order) against the dense one
/// (stationary distributions and the fundamental matrix by MathNet LU): gains, biases and the next Laurent coefficient
/// for random policies on random stochastic MDPs (several recurrent classes and transient states) and slippery grids.</summary>
public class BandedLaurentEvaluatorTests
{
    [Test]
    public void AgreesWithTheDenseEvaluator()
    {
        const int seed = 2718;
        var random = new Random(seed);
        var models = new List<(string, Mdp)>
        {
            ("grid3-slip", Gridworld.FromAscii(GridMaps.Grid3, slip: 0.2)),
            ("maze7-slip", Gridworld.FromAscii(GridMaps.Maze7, slip: 0.1)),
        };
        for (int i = 0; i < 30; i++) models.Add(($"random {i}", RandomMdps.Create(random, random.Next(1, 12), 3, stochastic: true)));
        foreach (var (name, mdp) in models)
        {
            var banded = new BandedLaurentEvaluator(mdp, BandOrdering.Of(mdp));
            var dense = new DenseLaurentEvaluator(mdp);
            int n = mdp.StateCount;
            for (int trial = 0; trial < 4; trial++)
            {
                var policy = Enumerable.Range(0, n).Select(s => mdp.FirstStateAction(s) + random.Next(mdp.ActionCount(s))).ToArray();
                var r = RandomMdps.Rewards(random, n);
                banded.SetPolicy(policy);
                dense.SetPolicy(policy);
                var (g1, g2) = (new double[n], new double[n]);
                banded.Gain(r, g1);
                dense.Gain(r, g2);
                var b = r.Select((x, s) => x - g2[s]).ToArray();
                var (y1, y2) = (new double[n], new double[n]);
                banded.Solve(b, y1);
                dense.Solve(b, y2);
                var minus = y2.Select(x => -x).ToArray();
                var (z1, z2) = (new double[n], new double[n]);
                banded.Solve(minus, z1);
                dense.Solve(minus, z2);
                string where = $"seed {seed}, {name}, trial {trial}";
                // Both are double-precision solves of systems whose condition grows with the mixing time (biases of
                // order 100 on the slippery maze), so they are compared relative to the largest entry.
                Assert.That(g1, Is.EqualTo(g2).Within(1e-10), $"gain, {where}");
                Assert.That(y1, Is.EqualTo(y2).Within(1e-9 * Math.Max(1, y2.Max(Math.Abs))), $"bias, {where}");
                Assert.That(z1, Is.EqualTo(z2).Within(1e-8 * Math.Max(1, z2.Max(Math.Abs))), $"y_1, {where}");
            }
        }
    }
}

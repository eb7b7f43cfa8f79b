using PowerTheory.Environments;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>The chunked parallel Jacobi sweep of large MDPs gives the values of the plain definition
/// next(s) = r(s) + γ·max_a Σ T(s'|s,a)·v(s'), bit for bit (computed here with <c>Mdp.ExpectedValue</c>).</summary>
public class ParallelSweepTests
{
    [Test]
    public void ParallelSweepEqualsTheDefinitionBitForBit()
    {
        var mdp = Gridworld.Open(320, 320, slip: 0.1);
        Assert.That(mdp.StateCount, Is.GreaterThanOrEqualTo(BellmanBackup.ParallelSweepStates), "the parallel path must run");
        var random = new Random(77);
        var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
        var v = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble() * 10).ToArray();
        var next = new double[mdp.StateCount];
        double diff = new BellmanBackup(mdp).Sweep(r, 0.99, v, next);
        double expectedDiff = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount(s); a++) best = Math.Max(best, mdp.ExpectedValue(mdp.FirstStateAction(s) + a, v));
            double x = r[s] + 0.99 * best;
            Assert.That(next[s], Is.EqualTo(x), $"state {mdp.StateNames[s]}");
            expectedDiff = Math.Max(expectedDiff, Math.Abs(x - v[s]));
        }
        Assert.That(diff, Is.EqualTo(expectedDiff));
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>The banded LU evaluation and its reverse Cuthill–McKee ordering: the ordering is a permutation whose
/// bandwidths bound every transition (checked by brute force), and V^π agrees with hand-written dense Gaussian
/// elimination (<see cref="DenseOracle"/>) on random stochastic MDPs and slippery gridworlds, for fresh and cached
/// factorisations.</summary>
public class BandedLuPolicyEvaluatorTests
{
    private static IEnumerable<(string Name, Mdp Mdp)> Models(Random random)
    {
        yield return ("grid3-slip", Gridworld.FromAscii(GridMaps.Grid3, slip: 0.2));
        yield return ("maze7-slip", Gridworld.FromAscii(GridMaps.Maze7, slip: 0.1));
        yield return ("open 6x9 slip", Gridworld.Open(6, 9, slip: 0.3));
        for (int i = 0; i < 20; i++) yield return ($"random {i}", RandomMdps.Create(random, random.Next(1, 14), 3, stochastic: true));
    }

    [Test]
    public void ValuesAgreeWithDenseGaussianElimination()
    {
        const int seed = 515;
        var random = new Random(seed);
        foreach (var (name, mdp) in Models(random))
        {
            var ordering = BandOrdering.Of(mdp);
            Assert.That(ordering.Position.Order(), Is.EqualTo(Enumerable.Range(0, mdp.StateCount)), $"{name}: a permutation");
            for (int sa = 0; sa < mdp.StateActionCount; sa++)
                foreach (int t in mdp.Successors(sa))
                {
                    int gap = ordering.Position[t] - ordering.Position[mdp.StateOf(sa)];
                    Assert.That(gap, Is.InRange(-ordering.Lower, ordering.Upper), $"{name}: transition outside the band");
                }
            foreach (double gamma in new[] { 0.5, 0.99, 1 - 1e-5 })
            {
                var evaluator = new BandedLuPolicyEvaluator(mdp, gamma, ordering);
                for (int trial = 0; trial < 3; trial++)
                {
                    var actions = Enumerable.Range(0, mdp.StateCount).Select(s => random.Next(mdp.ActionCount(s))).ToArray();
                    var policy = actions.Select((a, s) => mdp.FirstStateAction(s) + a).ToArray();
                    var r = RandomMdps.Rewards(random, mdp.StateCount);
                    var expected = DenseOracle.Values(mdp, (s, a) => a == actions[s] ? 1 : 0, r, gamma);
                    var values = new double[mdp.StateCount];
                    for (int again = 0; again < 2; again++) // the second call reuses the cached factorisation
                    {
                        evaluator.Evaluate(policy, r, values);
                        double scale = 1e-9 * Math.Max(1, RandomMdps.MaxAbs(r)) / (1 - gamma);
                        for (int s = 0; s < mdp.StateCount; s++)
                            Assert.That(values[s], Is.EqualTo(expected[s]).Within(scale), $"seed {seed}, {name}, γ = {gamma}, V({mdp.StateNames[s]})");
                    }
                }
            }
        }
    }

    [Test]
    public void GridworldsGetANarrowBand()
    {
        var mdp = Gridworld.Open(30, 30, slip: 0.1);
        var ordering = BandOrdering.Of(mdp);
        Assert.That(Math.Max(ordering.Lower, ordering.Upper), Is.LessThanOrEqualTo(60), "about the grid width, not |S|");
        Assert.That(DiscountedPolicyEvaluator.For(mdp, 0.99), Is.InstanceOf<BandedLuPolicyEvaluator>());
    }
}

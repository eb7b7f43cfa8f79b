using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>V^π by Gauss–Seidel sweeps against hand-written dense Gaussian elimination
/// (<see cref="DenseOracle"/>) on slippery grids and random stochastic MDPs, from cold and warm starts; a slowly
/// contracting case runs out of the sweep budget, goes to the exact fallback and says so; and the evaluator choice
/// sends wide bands to the sweeps.</summary>
public class SweepPolicyEvaluatorTests
{
    [Test]
    public void ValuesAgreeWithDenseGaussianElimination()
    {
        const int seed = 2611;
        var random = new Random(seed);
        var models = new List<(string, Mdp)> { ("open 12x12 slip", Gridworld.Open(12, 12, slip: 0.1)), ("maze7 slip", Gridworld.FromAscii(GridMaps.Maze7, slip: 0.3)) };
        for (int i = 0; i < 15; i++) models.Add(($"random {i}", RandomMdps.Create(random, random.Next(1, 20), 3, stochastic: true)));
        foreach (var (name, mdp) in models)
            foreach (double gamma in new[] { 0.5, 0.99 })
            {
                var evaluator = new SweepPolicyEvaluator(mdp, gamma, new DenseLuPolicyEvaluator(mdp, gamma));
                var values = new double[mdp.StateCount]; // cold start (zeros), then warm from the previous policy
                for (int trial = 0; trial < 3; trial++)
                {
                    var actions = Enumerable.Range(0, mdp.StateCount).Select(s => random.Next(mdp.ActionCount(s))).ToArray();
                    var policy = actions.Select((a, s) => mdp.FirstStateAction(s) + a).ToArray();
                    var r = RandomMdps.Rewards(random, mdp.StateCount, 10);
                    var expected = DenseOracle.Values(mdp, (s, a) => a == actions[s] ? 1 : 0, r, gamma);
                    evaluator.Evaluate(policy, r, values);
                    // The stopping rule bounds the error by 1e-12·max|r|/(1−γ); allow the oracle's own rounding on top.
                    double tolerance = 2e-12 * RandomMdps.MaxAbs(r) / (1 - gamma) + 1e-12;
                    for (int s = 0; s < mdp.StateCount; s++)
                        Assert.That(values[s], Is.EqualTo(expected[s]).Within(tolerance), $"seed {seed}, {name}, γ = {gamma}, trial {trial}, V({mdp.StateNames[s]})");
                }
                Assert.That(evaluator.Fallbacks, Is.Zero, $"{name}: converged within the budget");
            }
    }

    [Test]
    public void ASlowContractionFallsBackToTheExactSolveAndSaysSo()
    {
        // a ⇄ b at γ = 1 − 10⁻⁶: each sweep contracts by about γ², far too slowly for 10⁻¹² within the budget.
        var mdp = new MdpBuilder("two-cycle").AddState("a").AddState("b")
            .AddAction("a", "go", ("b", 0.999), ("a", 0.001)).AddAction("b", "go", ("a", 0.999), ("b", 0.001)).Build();
        double gamma = 1 - 1e-6;
        var evaluator = new SweepPolicyEvaluator(mdp, gamma, new DenseLuPolicyEvaluator(mdp, gamma));
        var r = new[] { 1.0, 0.0 };
        var values = new double[2];
        using var scope = PowerTheory.Internal.DegradationScope.Begin();
        evaluator.Evaluate(new[] { 0, 1 }, r, values);
        Assert.That(evaluator.Fallbacks, Is.EqualTo(1));
        Assert.That(PowerTheory.Internal.DegradationScope.Snapshot().Keys, Has.Some.Contains("sweep budget"));
        var expected = DenseOracle.Values(mdp, (_, _) => 1, r, gamma);
        Assert.That(values, Is.EqualTo(expected).Within(1e-6 * expected.Max()));
    }

    [Test]
    public void WideBandsGoToTheSweepsAndNarrowOnesToTheFactorisation()
    {
        Assert.That(DiscountedPolicyEvaluator.For(Gridworld.Open(30, 30, slip: 0.1), 0.99), Is.InstanceOf<BandedLuPolicyEvaluator>());
        Assert.That(DiscountedPolicyEvaluator.For(Gridworld.Open(100, 100, slip: 0.1), 0.99), Is.InstanceOf<BandedLuPolicyEvaluator>());
        var wide = DiscountedPolicyEvaluator.For(Gridworld.Open(160, 160, slip: 0.1), 0.99);
        Assert.That(wide, Is.InstanceOf<SweepPolicyEvaluator>());
        Assert.That(((SweepPolicyEvaluator)wide).Fallback, Is.InstanceOf<BandedLuPolicyEvaluator>());
    }
}

using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;
using PowerTheory.Tests.Power;

namespace PowerTheory.Tests.Solvers;

/// <summary>
/// The exact γ = 1 solver on long chains and multichain MDPs (issue #19, item 6): the gain propagation that makes a long
/// basin one step, and the undoing of bias-order steps that lower the gain. Oracles: the closed form of a chain whose
/// every cell can stay (g*(s) = max r, and the Blackwell-optimal actions head for the best cell), and the multichain
/// average-reward linear program.
/// </summary>
public class BlackwellScaleTests
{
    private const int Seed = 5;

    /// <summary>On a chain with a sure "stay" in every cell, the whole chain is one end component: g*(s) = max_j r(j), and
    /// the only Blackwell-optimal action moves towards the best cell (stay there), since every step on the way costs
    /// r* − r &gt; 0 of bias. Draw 6 of seed 5 on 2,000 cells is a case where a bias-order step lowered the gain and was
    /// undone (before, such a case could switch one pair back and forth for ever, as on 10⁵ cells).</summary>
    [TestCase(2000, false)]
    [TestCase(2000, true)]
    [TestCase(20000, true)]
    public void AChainOfStayingCellsHeadsForItsBestCell(int cells, bool warmStart)
    {
        var mdp = StochasticChain.Create(cells);
        var start = new DiscountedRewardSolver(mdp, BlackwellLimitSolver.WarmStartGamma, 1e-9);
        var solver = new BlackwellPolicyIteration(mdp, 1e-9);
        var random = new Random(Seed);
        var gain = new double[cells];
        var optimal = new bool[mdp.StateActionCount];
        int undone = 0, maxIterations = 0;
        for (int draw = 0; draw < 10; draw++)
        {
            var r = Enumerable.Range(0, cells).Select(_ => random.NextDouble()).ToArray();
            if (warmStart)
            {
                start.Optimise(r);
                solver.StartFrom(start.Policy);
            }
            else solver.Reset();
            solver.Solve(r, gain, optimal);
            undone += solver.LastUndoneSteps;
            maxIterations = Math.Max(maxIterations, solver.LastIterations);
            int best = Array.IndexOf(r, r.Max());
            for (int s = 0; s < cells; s++)
            {
                Assert.That(gain[s], Is.EqualTo(r[best]).Within(1e-12), $"seed {Seed}, draw {draw}: g*(c{s + 1})");
                string expected = s < best ? "right" : s > best ? "left" : "stay";
                for (int a = 0; a < mdp.ActionCount(s); a++)
                    Assert.That(optimal[mdp.FirstStateAction(s) + a], Is.EqualTo(mdp.ActionName(s, a) == expected),
                        $"seed {Seed}, draw {draw}: is {mdp.ActionName(s, a)} optimal at c{s + 1} (best cell c{best + 1})");
            }
        }
        // Without the propagation a basin of width w took w steps (hundreds here); with it a few.
        Assert.That(maxIterations, Is.LessThanOrEqualTo(12), "improvement steps per solve");
        if (cells == 2000 && warmStart) Assert.That(undone, Is.GreaterThan(0), "the case with an undone step is still exercised");
    }

    /// <summary>Random sparse stochastic MDPs (several end components, transient parts, actions that leave or loop):
    /// the gains equal the multichain LP's, from the greedy start and from the discounted warm start.</summary>
    [Test]
    public void MultichainGainsEqualTheLinearProgram()
    {
        var random = new Random(Seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var mdp = WithSomeStays(RandomMdps.Create(random, 30 + trial, 3, stochastic: true), random);
            int n = mdp.StateCount;
            using var lp = new MultichainGainLinearProgram(mdp);
            lp.StartBlock();
            var solver = new BlackwellPolicyIteration(mdp, 1e-9);
            var gain = new double[n];
            var optimal = new bool[mdp.StateActionCount];
            for (int draw = 0; draw < 3; draw++)
            {
                var r = RandomMdps.Rewards(random, n);
                var expected = lp.Gains(r);
                solver.Reset();
                solver.Solve(r, gain, optimal);
                for (int s = 0; s < n; s++)
                    Assert.That(gain[s], Is.EqualTo(expected[s]).Within(1e-7), $"seed {Seed}, trial {trial}, draw {draw}: g*(s{s})");
                for (int s = 0; s < n; s++)
                {
                    bool any = false;
                    for (int sa = mdp.FirstStateAction(s); sa < mdp.FirstStateAction(s) + mdp.ActionCount(s); sa++)
                        if (optimal[sa])
                        {
                            any = true;
                            Assert.That(mdp.ExpectedValue(sa, gain), Is.EqualTo(gain[s]).Within(1e-9),
                                $"seed {Seed}, trial {trial}: an optimal action keeps the gain at s{s}");
                        }
                    Assert.That(any, $"seed {Seed}, trial {trial}: s{s} has an optimal action");
                }
            }
        }
    }

    /// <summary>Gives about a third of the states a sure stay, so that basins of local maxima appear.</summary>
    private static Mdp WithSomeStays(Mdp mdp, Random random)
    {
        var b = new MdpBuilder(mdp.Name);
        foreach (var name in mdp.StateNames) b.AddState(name);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                var outcomes = mdp.Successors(sa).ToArray().Zip(mdp.Probabilities(sa).ToArray(), (j, p) => (mdp.StateNames[j], p)).ToArray();
                b.AddAction(mdp.StateNames[s], mdp.ActionName(s, a), outcomes);
            }
            if (random.NextDouble() < 0.35) b.AddAction(mdp.StateNames[s], "stay", mdp.StateNames[s]);
        }
        return b.Build();
    }
}

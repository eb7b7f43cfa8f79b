using PowerTheory.Budgets;
using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Polytope;

/// <summary>F_nd(s) by the search against the paper's examples and against brute force (enumerate F(s), LP-test each).</summary>
public class NonDominatedSearchTests
{
    private static readonly string[] Figure1States = { "star", "empty", "l", "l_sw", "l_nw", "r", "r_se", "r_ne" };

    [Test]
    public void Figure1NonDominatedCountsMatchTable()
    {
        var mdp = PaperMdps.OptspFigure1();
        var sets = Figure1States.Select(s => NonDominatedSearch.Run(mdp, s, 0.37)).ToArray();
        Assert.That(sets.Select(s => s.Count).ToArray(), Is.EqualTo(new[] { 5, 1, 2, 2, 2, 2, 2, 2 }));
        Assert.That(sets.All(s => s.IsComplete), Is.True);
    }

    [Test]
    public void Figure1StarNonDominatedAreTheFiveListedTrajectories()
    {
        var mdp = PaperMdps.OptspFigure1();
        var set = NonDominatedSearch.Run(mdp, "star", 0.37);
        var trajectories = set.Vertices.Select(v => v.Function.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToArray();
        Assert.That(trajectories, Is.EquivalentTo(new[]
        {
            "star → (empty)*",
            "star → l → (l_sw)*",
            "star → l → (l_nw → l_sw)*",
            "star → r → (r_se)*",
            "star → r → (r_ne)*",
        }));
    }

    [Test]
    public void NamedDominatedAndNonDominatedExamplesOfThePaper()
    {
        // e⋆ + γe_r▷ + γ²e_r↘ + γ³/(1−γ)e_r↗ is dominated; e⋆ + γe_r▷ + γ²/(1−γ)e_r↗ is non-dominated (docs/theory.md §4.1 (e)).
        var mdp = PaperMdps.OptspFigure1();
        int star = mdp.StateIndex("star");
        var dominated = VisitDistributionFunction.Of(mdp, Policy.FromNames(mdp, new Dictionary<string, string>
            { ["star"] = "right", ["r"] = "se", ["r_se"] = "up", ["r_ne"] = "stay" }), star);
        var nonDominated = VisitDistributionFunction.Of(mdp, Policy.FromNames(mdp, new Dictionary<string, string>
            { ["star"] = "right", ["r"] = "ne", ["r_ne"] = "stay" }), star);
        const double g = 0.37;
        var d = dominated.Evaluate(g);
        Assert.That(d[mdp.StateIndex("r_ne")], Is.EqualTo(g * g * g / (1 - g)).Within(1e-12));
        var set = NonDominatedSearch.Run(mdp, star, g);
        var found = set.Vertices.Select(v => v.Function).ToList();
        Assert.That(found, Does.Contain(nonDominated));
        Assert.That(found, Does.Not.Contain(dominated));
        // The LP test agrees, against all of F(⋆).
        var all = VisitDistributionSet.Enumerate(mdp, star);
        Assert.That(LpVerdict(all, dominated, g), Is.False);
        Assert.That(LpVerdict(all, nonDominated, g), Is.True);
    }

    [Test]
    public void WitnessesMakeEachVertexTheUniqueOptimum()
    {
        foreach (var (mdp, start) in new[] { (PaperMdps.OptspFigure1(), 0), (PaperMdps.GambleOrSafe(), 0), (PaperMdps.LoopVersusTwoCycle(), 0) })
        {
            const double g = 0.6;
            var set = NonDominatedSearch.Run(mdp, start, g);
            var all = VisitDistributionSet.Enumerate(mdp, start);
            foreach (var v in set.Vertices)
            {
                var r = v.Witness.ToArray();
                var optimal = PolicyIteration.Solve(mdp, r, g);
                double value = Dot(v.Visits, r);
                Assert.That(value, Is.EqualTo(optimal[start]).Within(1e-9), $"{mdp.Name}: {v.Function} is optimal for its witness");
                Assert.That(v.ActionGap, Is.GreaterThan(0));
                foreach (var f in all.Functions.Where(f => !f.Equals(v.Function)))
                    Assert.That(Dot(f.Evaluate(g), r), Is.LessThan(value - 1e-12), $"{mdp.Name}: {f} must be strictly worse");
            }
        }
    }

    [Test]
    public void SearchAgreesWithBruteForceOnRandomDeterministicMdps() =>
        Gen.Int[0, 1_000_000].SamplePinned(seed => CompareWithBruteForce(RandomMdps.Small(seed, stochastic: false, maxStates: 6)),
            iter: 60, firstCase: "0001DkPLl3S5");

    [Test]
    public void SearchAgreesWithBruteForceOnRandomStochasticMdps() =>
        Gen.Int[0, 1_000_000].SamplePinned(seed => CompareWithBruteForce(RandomMdps.Small(seed, stochastic: true)),
            iter: 40, firstCase: "0002aQ7vP9Kc");

    [Test]
    public void LinearProgramAndPreferenceGraphAgreeOnDeterministicMdps()
    {
        foreach (var mdp in new[] { PaperMdps.OptspFigure1(), BinaryChoiceChain.Create(3), Gridworld.Open(2, 2) })
        {
            for (int s = 0; s < mdp.StateCount; s++)
            {
                var graph = NonDominatedSearch.Run(mdp, s, 0.37);
                var lp = NonDominatedSearch.Run(mdp, s, 0.37, new NonDominatedSearchOptions { ForceLinearProgram = true });
                Assert.That(graph.Method, Is.EqualTo("preference-graph"));
                Assert.That(lp.Method, Is.EqualTo("linear-program"));
                Assert.That(lp.Vertices.Select(v => v.Function), Is.EquivalentTo(graph.Vertices.Select(v => v.Function)));
            }
        }
    }

    [Test]
    public void NonDominationDoesNotDependOnGamma()
    {
        // Lemma E.31, checked by brute force: the LP-tested ND subset of F(s) is the same at several γ, on Figure 1 and on
        // random stochastic MDPs.
        var cases = new List<(Mdp, int)> { (PaperMdps.OptspFigure1(), 0), (PaperMdps.OptspFigure1(), 5) };
        for (int seed = 1; seed <= 8; seed++) cases.Add((RandomMdps.Small(seed, stochastic: true), 0));
        foreach (var (mdp, start) in cases)
        {
            var all = VisitDistributionSet.Enumerate(mdp, start);
            var reference = BruteForceNonDominated(all, 0.37);
            foreach (double g in new[] { 0.05, 0.5, 0.8, 0.97 })
                Assert.That(BruteForceNonDominated(all, g), Is.EquivalentTo(reference), $"{mdp.Name}, γ = {g}");
            var searched = NonDominatedSearch.Run(mdp, start, 0.8).Vertices.Select(v => v.Function);
            Assert.That(searched, Is.EquivalentTo(reference));
        }
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(8)]
    public void BinaryChoiceChainHasExponentiallyManyNonDominated(int k)
    {
        var set = NonDominatedSearch.Run(BinaryChoiceChain.Create(k), "c0", 0.37);
        Assert.That(set.Count, Is.EqualTo(1 << k));
        Assert.That(set.IsComplete, Is.True);
        Assert.That(set.Vertices.Select(v => v.Function).Distinct().Count(), Is.EqualTo(1 << k));
    }

    [Test]
    [Category("Slow")]
    public void BinaryChoiceChainWithTwelveChoicesIsComplete()
    {
        var set = NonDominatedSearch.Run(BinaryChoiceChain.Create(12), "c0", 0.37);
        Assert.That(set.Count, Is.EqualTo(4096));
        Assert.That(set.IsComplete, Is.True);
    }

    [Test]
    public void BudgetStopsTheSearchAndSaysItIsIncomplete()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Map20);
        var set = NonDominatedSearch.Run(mdp, 0, 0.37, new NonDominatedSearchOptions { Budget = new SearchBudget(2000, 60) });
        Assert.That(set.IsComplete, Is.False);
        Assert.That(set.Outcome.Stop, Is.EqualTo(SearchStop.NodeBudget));
        Assert.That(set.NodesExplored, Is.EqualTo(2000));
        Assert.That(set.Count, Is.GreaterThan(0));
        foreach (var v in set.Vertices.Take(5))
        {
            var optimal = PolicyIteration.Solve(mdp, v.Witness.ToArray(), 0.37);
            Assert.That(Dot(v.Visits, v.Witness.ToArray()), Is.EqualTo(optimal[0]).Within(1e-9));
        }
    }

    [Test]
    public void VertexLimitStopsOnlyWhenMoreVerticesExist()
    {
        var mdp = BinaryChoiceChain.Create(4);
        var exact = NonDominatedSearch.Run(mdp, 0, 0.5, new NonDominatedSearchOptions { MaxVertices = 16 });
        Assert.That(exact.IsComplete, Is.True);
        Assert.That(exact.Count, Is.EqualTo(16));
        var cut = NonDominatedSearch.Run(mdp, 0, 0.5, new NonDominatedSearchOptions { MaxVertices = 15 });
        Assert.That(cut.IsComplete, Is.False);
        Assert.That(cut.Outcome.Stop, Is.EqualTo(SearchStop.ResultLimit));
        Assert.That(cut.Count, Is.EqualTo(15));
    }

    [Test]
    public void SearchAgreesWithBruteForceOnSmallGridworlds()
    {
        CompareWithBruteForce(Gridworld.Open(2, 3));
        CompareWithBruteForce(Gridworld.Open(2, 2, slip: 0.25));
        CompareWithBruteForce(PaperMdps.OptspFigure1());
    }

    [Test]
    public void BadArgumentsAreRefusedWithClearMessages()
    {
        var mdp = PaperMdps.OptspFigure1();
        Assert.That(() => NonDominatedSearch.Run(mdp, "star", 1.0), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Message.Contains("gamma"));
        Assert.That(() => NonDominatedSearch.Run(mdp, "nowhere", 0.5), Throws.ArgumentException.With.Message.Contains("nowhere"));
        Assert.That(() => NonDominatedSearch.Run(mdp, 0, 0.5, new NonDominatedSearchOptions { MaxVertices = 0 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("MaxVertices"));
    }

    private static void CompareWithBruteForce(Mdp mdp)
    {
        const double g = 0.37;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var all = VisitDistributionSet.Enumerate(mdp, s);
            var expected = BruteForceNonDominated(all, g);
            var set = NonDominatedSearch.Run(mdp, s, g);
            Assert.That(set.IsComplete, Is.True);
            Assert.That(set.Vertices.Select(v => v.Function), Is.EquivalentTo(expected), $"{mdp.Name}, state {s}");
            foreach (var v in set.Vertices)
            {
                var optimal = PolicyIteration.Solve(mdp, v.Witness.ToArray(), g);
                Assert.That(Dot(v.Visits, v.Witness.ToArray()), Is.EqualTo(optimal[s]).Within(1e-9));
            }
        }
    }

    internal static List<VisitDistributionFunction> BruteForceNonDominated(VisitDistributionSet all, double gamma)
    {
        var vectors = all.Evaluate(gamma);
        return NonDominationTest.NonDominatedIndices(vectors).Select(i => all.Functions[i]).ToList();
    }

    private static bool LpVerdict(VisitDistributionSet all, VisitDistributionFunction f, double g) =>
        NonDominationTest.Test(f.Evaluate(g), all.Functions.Where(h => !h.Equals(f)).Select(h => (IReadOnlyList<double>)h.Evaluate(g)))
            .IsNonDominated;

    private static double Dot(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Count; i++) s += a[i] * b[i];
        return s;
    }
}

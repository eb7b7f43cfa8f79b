using CsCheck;
using PowerTheory.Environments;
using PowerTheory.Solvers;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Visits;

/// <summary>F(s) on OPTSP Figure 1 (docs/theory.md §4.1 (a), (e), §4.4) and its exact deduplication.</summary>
public class VisitDistributionSetTests
{
    private static readonly string[] Figure1States = { "star", "empty", "l", "l_sw", "l_nw", "r", "r_se", "r_ne" };

    [Test]
    public void Figure1CountsMatchTable()
    {
        var mdp = PaperMdps.OptspFigure1();
        var counts = Figure1States.Select(s => VisitDistributionSet.Enumerate(mdp, s).Count).ToArray();
        Assert.That(counts, Is.EqualTo(new[] { 11, 1, 4, 2, 2, 6, 3, 3 }));
    }

    [TestCase(0.1)]
    [TestCase(0.37)]
    [TestCase(0.9)]
    public void Figure1SetsOfSection41aMatchClosedForms(double g)
    {
        var mdp = PaperMdps.OptspFigure1();
        int lsw = mdp.StateIndex("l_sw"), lnw = mdp.StateIndex("l_nw");
        int rse = mdp.StateIndex("r_se"), rne = mdp.StateIndex("r_ne"), empty = mdp.StateIndex("empty");
        double[] E(params (int State, double Value)[] entries)
        {
            var v = new double[mdp.StateCount];
            foreach (var (s, x) in entries) v[s] += x;
            return v;
        }
        AssertSameSet(VisitDistributionSet.Enumerate(mdp, "l_sw").Evaluate(g), new[]
        {
            E((lsw, 1 / (1 - g))),
            E((lsw, 1 / (1 - g * g)), (lnw, g / (1 - g * g))),
        });
        AssertSameSet(VisitDistributionSet.Enumerate(mdp, "r_se").Evaluate(g), new[]
        {
            E((rse, 1 / (1 - g))),
            E((rse, 1 / (1 - g * g)), (rne, g / (1 - g * g))),
            E((rse, 1), (rne, g / (1 - g))),
        });
        AssertSameSet(VisitDistributionSet.Enumerate(mdp, "empty").Evaluate(g), new[] { E((empty, 1 / (1 - g))) });
    }

    [Test]
    public void FunctionsThatCoincideAtOneHalfStayDistinct()
    {
        // r▷→r↘→(r↗ stay) and r▷→r↗→(r↘ stay) are equal at γ = 1/2 (γ = γ²/(1−γ)) but are different functions.
        var mdp = PaperMdps.OptspFigure1();
        var set = VisitDistributionSet.Enumerate(mdp, "r");
        Assert.That(set.Count, Is.EqualTo(6));
        var atHalf = set.Evaluate(0.5);
        int distinctAtHalf = atHalf.Select(v => string.Join(",", v.Select(x => Math.Round(x, 9)))).Distinct().Count();
        Assert.That(distinctAtHalf, Is.EqualTo(5), "two distinct functions must coincide at γ = 1/2");
        var atGeneric = set.Evaluate(0.37);
        int distinctGeneric = atGeneric.Select(v => string.Join(",", v.Select(x => Math.Round(x, 9)))).Distinct().Count();
        Assert.That(distinctGeneric, Is.EqualTo(6));

        var viaSe = VisitDistributionFunction.Of(mdp, Policy.FromNames(mdp, new Dictionary<string, string>
            { ["r"] = "se", ["r_se"] = "up", ["r_ne"] = "stay" }), mdp.StateIndex("r"));
        var viaNe = VisitDistributionFunction.Of(mdp, Policy.FromNames(mdp, new Dictionary<string, string>
            { ["r"] = "ne", ["r_ne"] = "down", ["r_se"] = "stay" }), mdp.StateIndex("r"));
        Assert.That(viaSe.Evaluate(0.5), Is.EqualTo(viaNe.Evaluate(0.5)).AsCollection.Within(1e-12));
        Assert.That(viaSe, Is.Not.EqualTo(viaNe));
    }

    [Test]
    public void DifferentStochasticPoliciesWithTheSameFunctionCountOnce()
    {
        // s → x or y with ½ each; x and y each go to u or w (both terminal). (x→u, y→w) and (x→w, y→u) give the same
        // function e_s + γ(e_x + e_y)/2 + γ²/(1−γ)·(e_u + e_w)/2, so |F(s)| = 3, and only the two pure ones are non-dominated.
        var mdp = new PowerTheory.Mdps.MdpBuilder("swap")
            .AddStates("s", "x", "y", "u", "w")
            .AddAction("s", "go", ("x", 0.5), ("y", 0.5))
            .AddAction("x", "to_u", "u").AddAction("x", "to_w", "w")
            .AddAction("y", "to_u", "u").AddAction("y", "to_w", "w")
            .AddAction("u", "stay", "u").AddAction("w", "stay", "w")
            .Build();
        var set = VisitDistributionSet.Enumerate(mdp, "s");
        Assert.That(set.PoliciesEnumerated, Is.EqualTo(4));
        Assert.That(set.Count, Is.EqualTo(3));
        var nd = PowerTheory.Polytope.NonDominatedSearch.Run(mdp, "s", 0.37);
        Assert.That(nd.Count, Is.EqualTo(2));
        Assert.That(nd.Vertices.All(v => v.Function.PolicyOnReachedStates()["x"] == v.Function.PolicyOnReachedStates()["y"]), Is.True);
    }

    [Test]
    public void PoliciesDifferingOffTheReachSetCountOnce()
    {
        var mdp = PaperMdps.OptspFigure1();
        var a = Policy.FromNames(mdp, new Dictionary<string, string> { ["star"] = "up", ["l"] = "sw" });
        var b = Policy.FromNames(mdp, new Dictionary<string, string> { ["star"] = "up", ["l"] = "nw", ["r_se"] = "up" });
        int star = mdp.StateIndex("star");
        Assert.That(VisitDistributionFunction.Of(mdp, a, star), Is.EqualTo(VisitDistributionFunction.Of(mdp, b, star)));
        // 96 full policies but 11 reach-restricted ones from ⋆.
        Assert.That(VisitDistributionSet.Enumerate(mdp, "star").PoliciesEnumerated, Is.EqualTo(11));
    }

    [Test]
    public void EnumerationRefusesPastTheBudgetAndPointsToTheSearch()
    {
        var mdp = BinaryChoiceChain.Create(10);
        var ex = Assert.Throws<EnumerationBudgetExceededException>(() => VisitDistributionSet.Enumerate(mdp, "c0", budget: 100));
        Assert.That(ex!.Message, Does.Contain("100").And.Contain("NonDominatedSearch").And.Contain("'c0'"));
        Assert.That(VisitDistributionSet.Enumerate(mdp, "c0", budget: 1024).Count, Is.EqualTo(1024));
    }

    [Test]
    public void EveryEnumeratedFunctionMatchesPolicyEvaluation()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var set = VisitDistributionSet.Enumerate(mdp, "s0");
        Assert.That(set.Count, Is.EqualTo(2));
        foreach (var f in set.Functions)
        {
            var expected = VisitDistribution.Compute(mdp, f.Policy, 0, 0.6).ToArray();
            Assert.That(f.Evaluate(0.6), Is.EqualTo(expected).AsCollection.Within(1e-12));
        }
    }

    [Test]
    public void ExactDeduplicationAgreesWithManyGenericGammas()
    {
        // Independent check of the exact keys: functions of degree ≤ |S| that agree at 2|S|+1 generic γ are equal.
        CsCheck.Gen.Int[0, 1_000_000].SamplePinned(seed =>
        {
            var mdp = RandomMdps.Small(seed, stochastic: seed % 2 == 0);
            var set = VisitDistributionSet.Enumerate(mdp, 0);
            int n = mdp.StateCount;
            var gammas = Enumerable.Range(0, 2 * n + 1).Select(i => 0.13 + 0.8 * i / (2 * n + 1.0)).ToArray();
            var signatures = set.Functions
                .Select(f => gammas.SelectMany(g => f.Evaluate(g)).ToArray()).ToList();
            for (int i = 0; i < signatures.Count; i++)
                for (int j = i + 1; j < signatures.Count; j++)
                {
                    double diff = signatures[i].Zip(signatures[j], (x, y) => Math.Abs(x - y)).Max();
                    if (diff < 1e-9) Assert.Fail($"seed {seed}: functions {i} and {j} agree at {gammas.Length} γ values but were kept apart");
                }
            // And every policy's function is one of the set's.
            foreach (var p in Policy.EnumerateAll(mdp))
                Assert.That(set.Functions, Does.Contain(VisitDistributionFunction.Of(mdp, p, 0)));
        }, iter: 60);
    }

    private static void AssertSameSet(double[][] actual, double[][] expected)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        foreach (var e in expected)
            Assert.That(actual.Any(a => a.Zip(e, (x, y) => Math.Abs(x - y)).Max() < 1e-12), Is.True,
                $"missing [{string.Join(", ", e)}]");
    }
}

using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Symmetry;

/// <summary>Property test: random MDPs with a planted symmetry (a root choosing between a random MDP and a copy of it
/// with extra options); every certificate the finders return is re-verified by the independent checkers on freshly
/// enumerated visit-distribution functions, deterministic and stochastic.</summary>
public class PlantedSymmetryTests
{
    /// <summary>Root "s" with actions toA (into copy A of g) and toB (into copy B, which also has an extra escape to a
    /// terminal state from its first state).</summary>
    private static Mdp Planted(Mdp g, bool extra)
    {
        var b = new MdpBuilder("planted").AddState("s");
        foreach (var prefix in new[] { "a_", "b_" })
            foreach (var name in g.StateNames) b.AddState(prefix + name);
        b.AddState("b_exit");
        b.AddAction("s", "toA", "a_" + g.StateNames[0]).AddAction("s", "toB", "b_" + g.StateNames[0]);
        b.AddAction("b_exit", "stay", "b_exit");
        foreach (var prefix in new[] { "a_", "b_" })
            for (int x = 0; x < g.StateCount; x++)
                for (int a = 0; a < g.ActionCount(x); a++)
                {
                    int sa = g.FirstStateAction(x) + a;
                    var outcomes = g.Successors(sa).ToArray().Zip(g.Probabilities(sa).ToArray(), (t, p) => (prefix + g.StateNames[t], p)).ToArray();
                    b.AddAction(prefix + g.StateNames[x], g.ActionName(x, a), outcomes);
                }
        if (extra) b.AddAction("b_" + g.StateNames[0], "escape", "b_exit");
        return b.Build();
    }

    [Test]
    public void EveryCertificateReVerifiesIndependently()
    {
        const int seed = 90210;
        var random = new Random(seed);
        int certified = 0;
        for (int trial = 0; trial < 24; trial++)
        {
            bool stochastic = trial % 2 == 1;
            var g = RandomMdps.Create(random, random.Next(1, 4), 2, stochastic);
            var mdp = Planted(g, extra: trial % 3 != 0);
            string where = $"seed {seed}, trial {trial} ({(stochastic ? "stochastic" : "deterministic")})";
            var options = KeepOptionsOpenFinder.Find(mdp, "s", "toB", "toA");
            Assert.That(options.Holds, Is.True, $"{where}: the planted copy must be found; " + string.Join("; ", options.Conditions));
            var phi = options.Involutions[0];
            var all = VisitDistributionSet.Enumerate(mdp, "s");
            int s = mdp.StateIndex("s");
            var fb = all.Functions.Where(f => mdp.ActionName(s, f.Policy[s]) == "toB").ToArray();
            var fa = all.Functions.Where(f => mdp.ActionName(s, f.Policy[s]) == "toA").ToArray();
            Assert.That(SymmetryChecks.ContainsCopy(fb, fa, phi).Holds, Is.True, $"{where}: φ = {phi}");
            Assert.That(phi[s], Is.EqualTo(s), where);
            certified++;

            var power = PowerComparisonFinder.Find(mdp, "b_" + g.StateNames[0], "a_" + g.StateNames[0]);
            Assert.That(power.Holds, Is.True, where);
            var psi = power.Involutions[0];
            var target = VisitDistributionSet.Enumerate(mdp, "b_" + g.StateNames[0]).Functions;
            var nd = NonDominatedSearch.Run(mdp, "a_" + g.StateNames[0], 0.5);
            Assert.That(nd.IsComplete, Is.True, where);
            Assert.That(SymmetryChecks.ContainsCopy(target, nd.Vertices.Select(v => v.Function).ToArray(), psi).Holds, Is.True, $"{where}: ψ = {psi}");

            // The reverse of a strict containment is never certified.
            if (trial % 3 != 0)
                Assert.That(KeepOptionsOpenFinder.Find(mdp, "s", "toA", "toB").Holds, Is.False, $"{where}: reverse");
        }
        Assert.That(certified, Is.EqualTo(24));
    }

    [Test]
    public void APermutationThatIsNotAnInvolutionIsRefused()
    {
        var g = RandomMdps.Create(new Random(1), 2, 2, false);
        var mdp = Planted(g, extra: false);
        var all = VisitDistributionSet.Enumerate(mdp, "s").Functions;
        var cycle = Permutation.FromImage(Enumerable.Range(0, mdp.StateCount).Select(i => i < 3 ? (i + 1) % 3 : i).ToArray());
        Assert.That(() => SymmetryChecks.ContainsCopy(all, all, cycle), Throws.ArgumentException.With.Message.Contains("(0 1 2) is not an involution"));
    }
}

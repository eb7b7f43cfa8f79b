using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Symmetry;

/// <summary>Property tests of the finders on random small MDPs, deterministic and stochastic: planted symmetries are
/// found, and every answer is re-checked by an independent oracle — φ·f evaluated numerically at 2|S|+1 distinct γ
/// (rational functions of degree ≤ |S| that agree there agree everywhere, docs/theory.md §5.3), and for "none exists" a
/// brute-force pass over every involution of the states.</summary>
public class SymmetryPropertyTests
{
    private const int Seed = 20261125;

    /// <summary>root → (left) a copy L of a random MDP, (right) a copy R of the same MDP, possibly with an extra action.</summary>
    private static Mdp Planted(int seed, bool stochastic, out bool extra)
    {
        var rng = new Random(seed);
        var core = RandomMdps.Small(seed, stochastic, maxStates: 3);
        extra = rng.Next(2) == 0;
        var b = new MdpBuilder($"planted-{seed}").AddState("root");
        foreach (var side in new[] { "L", "R" })
            foreach (var name in core.StateNames) b.AddState($"{side}_{name}");
        b.AddAction("root", "left", "L_s0").AddAction("root", "right", "R_s0");
        if (rng.Next(2) == 0) b.AddAction("root", "stay", "root");
        foreach (var side in new[] { "L", "R" })
            for (int x = 0; x < core.StateCount; x++)
                for (int a = 0; a < core.ActionCount(x); a++)
                {
                    int sa = core.StateActionIndex(x, a);
                    var outcomes = core.Successors(sa).ToArray()
                        .Select((y, j) => ($"{side}_{core.StateNames[y]}", core.Probabilities(sa)[j])).ToArray();
                    b.AddAction($"{side}_{core.StateNames[x]}", core.ActionName(x, a), outcomes);
                }
        if (extra) b.AddAction("R_s0", "extra", rng.Next(2) == 0 ? "root" : "R_s0");
        return b.Build();
    }

    private static readonly double[] Gammas = Enumerable.Range(0, 64).Select(k => 0.05 + 0.01 * k).ToArray();

    /// <summary>Numerically: is φ·f equal to some g ∈ target at 2|S|+1 distinct γ?</summary>
    private static bool NumericallyContained(Permutation phi, VisitDistributionFunction f, IEnumerable<VisitDistributionFunction> target)
    {
        int points = 2 * f.Mdp.StateCount + 1;
        var images = Gammas.Take(points).Select(g => phi.Apply(f.Evaluate(g))).ToArray();
        return target.Any(g => Gammas.Take(points).Select((gamma, k) => g.Evaluate(gamma).Zip(images[k], (u, v) => Math.Abs(u - v)).Max()).Max() < 1e-9);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void PlantedSymmetryIsFoundAndReverified(bool stochastic)
    {
        for (int trial = 0; trial < 25; trial++)
        {
            int seed = Seed + trial;
            var mdp = Planted(seed, stochastic, out bool extra);
            int root = mdp.StateIndex("root");
            var c = SymmetryFinder.KeepsOptionsOpen(mdp, root, mdp.ActionIndex(root, "right"), mdp.ActionIndex(root, "left"));
            string context = $"seed {seed} (stochastic: {stochastic}, extra: {extra})\n{mdp}\n{c}";
            Assert.That(c.Holds, Is.True, context);
            var phi = c.Permutations.Single();
            var all = VisitDistributionSet.Enumerate(mdp, root).Functions;
            var right = all.Where(f => mdp.ActionName(root, f.Policy[root]) == "right").ToArray();
            foreach (var f in all.Where(f => mdp.ActionName(root, f.Policy[root]) == "left"))
                Assert.That(NumericallyContained(phi, f, right), Is.True, $"φ·({f}) ∉ F(root | right); {context}");
            var reach = Enumerable.Range(0, mdp.StateCount).Where(x => mdp.StateNames[x] != "root").ToHashSet();
            Assert.That(phi.Support.All(reach.Contains), Is.True, context);
            if (!extra) continue;
            var reverse = SymmetryFinder.KeepsOptionsOpen(mdp, root, mdp.ActionIndex(root, "left"), mdp.ActionIndex(root, "right"));
            // The reverse holds only if some involution maps F(root | right) into F(root | left); check by brute force.
            bool exists = Involutions(mdp.StateCount).Any(p => p[root] == root && all.Where(f => mdp.ActionName(root, f.Policy[root]) == "right")
                .All(f => NumericallyContained(p, f, all.Where(g => mdp.ActionName(root, g.Policy[root]) == "left"))));
            Assert.That(reverse.Holds, Is.EqualTo(exists), $"reverse; {context}\n{reverse}");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void PowerDominanceAgreesWithBruteForceOverAllInvolutions(bool stochastic)
    {
        int certified = 0, refused = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            int seed = Seed + 1000 + trial;
            var mdp = RandomMdps.Dyadic(seed, stochastic);
            var rng = new Random(seed);
            int s = rng.Next(mdp.StateCount), other = rng.Next(mdp.StateCount);
            var c = SymmetryFinder.PowerDominance(mdp, s, other);
            string context = $"seed {seed} (stochastic: {stochastic}), s = {mdp.StateNames[s]}, s' = {mdp.StateNames[other]}\n{mdp}\n{c}";
            var target = VisitDistributionSet.Enumerate(mdp, s).Functions;
            var source = NonDominatedSearch.Run(mdp, other, 0.5).Vertices.Select(v => v.Function).ToArray();
            bool Works(Permutation p) => p[other] == s && source.All(f => NumericallyContained(p, f, target));
            if (c.Holds)
            {
                certified++;
                Assert.That(c.Permutations.Single().IsInvolution && Works(c.Permutations.Single()), Is.True, context);
            }
            else
            {
                refused++;
                Assert.That(c.ProvedAbsent, Is.True, context);
                Assert.That(Involutions(mdp.StateCount).Any(Works), Is.False, $"an involution exists; {context}");
            }
        }
        Assert.That(certified, Is.GreaterThan(0));
        Assert.That(refused, Is.GreaterThan(0));
    }

    /// <summary>Every involution of {0, …, n−1}.</summary>
    private static IEnumerable<Permutation> Involutions(int n)
    {
        IEnumerable<List<(int, int)>> Pairings(int first, List<(int, int)> pairs, HashSet<int> used)
        {
            int x = first;
            while (x < n && used.Contains(x)) x++;
            if (x == n) { yield return [.. pairs]; yield break; }
            used.Add(x);
            foreach (var r in Pairings(x + 1, pairs, used)) yield return r; // x fixed
            for (int y = x + 1; y < n; y++)
            {
                if (used.Contains(y)) continue;
                used.Add(y);
                pairs.Add((x, y));
                foreach (var r in Pairings(x + 1, pairs, used)) yield return r;
                pairs.RemoveAt(pairs.Count - 1);
                used.Remove(y);
            }
            used.Remove(x);
        }
        return Pairings(0, [], []).Select(p => Permutation.FromTranspositions(n, p));
    }
}

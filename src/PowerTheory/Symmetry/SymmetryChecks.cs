using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// The independent checkers of the symmetry definitions (docs/theory.md §1.6), on sets of visit-distribution functions
/// compared exactly as functions of γ (renamed trajectories on deterministic MDPs, exact dyadic state distributions
/// μ_0 … μ_{2|S|−1} otherwise — never by evaluating at a few γ) and on sets of vectors (recurrent state distributions,
/// within a tolerance). Each returns a <see cref="SymmetryCondition"/> whose detail names the first counterexample.
/// A permutation that is not an involution is refused: the theorems need products of disjoint transpositions.
/// </summary>
public static class SymmetryChecks
{
    /// <summary>X contains a copy of X′ via φ: φ is an involution and φ·X′ ⊆ X (OPTSP Def. 6.2 / 6.3).</summary>
    public static SymmetryCondition ContainsCopy(IReadOnlyList<VisitDistributionFunction> x,
        IReadOnlyList<VisitDistributionFunction> xPrime, Permutation phi, string name = "φ·X′ ⊆ X")
    {
        RequireInvolution(phi);
        var keys = KeysOf(x, null);
        foreach (var f in xPrime)
            if (!keys.Contains(Key(f, phi)))
                return new SymmetryCondition(name, false, $"φ·({f}) is not in the target set: no policy there has that visit distribution.");
        return new SymmetryCondition(name, true, $"each of the {xPrime.Count} functions, renamed by φ = {phi}, is one of the {x.Count} in the target set (exact comparison as functions of γ).");
    }

    /// <summary>X′ is similar to X via φ: φ·X′ = X.</summary>
    public static SymmetryCondition Similar(IReadOnlyList<VisitDistributionFunction> x,
        IReadOnlyList<VisitDistributionFunction> xPrime, Permutation phi)
    {
        var into = ContainsCopy(x, xPrime, phi, "φ·X′ = X");
        if (!into.Holds) return into;
        var images = KeysOf(xPrime, phi);
        foreach (var g in x)
            if (!images.Contains(Key(g, null)))
                return new SymmetryCondition("φ·X′ = X", false, $"{g} is not the image of any element of X′.");
        return new SymmetryCondition("φ·X′ = X", true, $"φ = {phi} maps the {xPrime.Count} functions of X′ onto the {x.Count} of X.");
    }

    /// <summary>B contains n copies of A (PRDM Def. A.7): involutions φ_i with B_i := φ_i·A ⊆ B and φ_i·B_j = B_j for
    /// j ≠ i; optionally the B_i pairwise disjoint (the footnote's stronger reading).</summary>
    public static IReadOnlyList<SymmetryCondition> ContainsCopies(IReadOnlyList<VisitDistributionFunction> b,
        IReadOnlyList<VisitDistributionFunction> a, IReadOnlyList<Permutation> phis, bool requireDisjoint = true)
    {
        var conditions = new List<SymmetryCondition>();
        var copies = phis.Select(phi => { RequireInvolution(phi); return KeysOf(a, phi); }).ToArray();
        for (int i = 0; i < phis.Count; i++)
            conditions.Add(ContainsCopy(b, a, phis[i], $"B_{i + 1} = φ_{i + 1}·A ⊆ B"));
        for (int i = 0; i < phis.Count; i++)
            for (int j = 0; j < phis.Count; j++)
            {
                if (i == j) continue;
                var image = new HashSet<string>(copies[j].Select(k => Rename(k, a, phis[j], phis[i])), StringComparer.Ordinal);
                bool fixes = image.SetEquals(copies[j]);
                conditions.Add(new SymmetryCondition($"φ_{i + 1}·B_{j + 1} = B_{j + 1}", fixes,
                    fixes ? $"φ_{i + 1} = {phis[i]} maps copy {j + 1} onto itself." : $"φ_{i + 1} = {phis[i]} moves copy {j + 1}."));
            }
        if (requireDisjoint)
            for (int i = 0; i < phis.Count; i++)
                for (int j = i + 1; j < phis.Count; j++)
                {
                    bool disjoint = !copies[i].Overlaps(copies[j]);
                    conditions.Add(new SymmetryCondition($"B_{i + 1} ∩ B_{j + 1} = ∅", disjoint,
                        disjoint ? "the copies share no element." : "the copies share an element."));
                }
        return conditions;
    }

    /// <summary>X contains a copy of X′ via φ for sets of vectors (e.g. recurrent state distributions): φ·x′ is within
    /// <paramref name="tolerance"/> of some x ∈ X in every entry, for every x′ ∈ X′.</summary>
    public static SymmetryCondition ContainsCopy(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<IReadOnlyList<double>> xPrime,
        Permutation phi, string name = "φ·X′ ⊆ X", double tolerance = 1e-9)
    {
        RequireInvolution(phi);
        foreach (var v in xPrime)
        {
            var image = phi.Apply<double>(v);
            if (!x.Any(u => u.Zip(image, (p, q) => Math.Abs(p - q)).All(d => d <= tolerance)))
                return new SymmetryCondition(name, false, $"φ·[{string.Join(", ", v.Select(p => p.ToString("G4")))}] is not in the target set.");
        }
        return new SymmetryCondition(name, true, $"each of the {xPrime.Count} vectors, permuted by φ = {phi}, is in the target set (within {tolerance:G1}).");
    }

    internal static void RequireInvolution(Permutation phi)
    {
        ArgumentNullException.ThrowIfNull(phi);
        if (!phi.IsInvolution)
            throw new ArgumentException($"φ = {phi} is not an involution (φ∘φ ≠ identity); the theorems' containment needs a product of disjoint transpositions.", nameof(phi));
    }

    /// <summary>The key steps: 2|S| suffices to compare functions from any two start states (docs/theory.md §5.3).</summary>
    private static string Key(VisitDistributionFunction f, Permutation? phi) => f.ExactKey(2 * f.Mdp.StateCount, phi?.Image);

    private static HashSet<string> KeysOf(IEnumerable<VisitDistributionFunction> set, Permutation? phi) =>
        new(set.Select(f => Key(f, phi)), StringComparer.Ordinal);

    private static string Rename(string key, IReadOnlyList<VisitDistributionFunction> a, Permutation inner, Permutation outer)
    {
        var f = a.First(g => Key(g, inner) == key);
        return Key(f, inner.Then(outer));
    }
}

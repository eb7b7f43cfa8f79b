namespace PowerTheory.Symmetry;

/// <summary>
/// Checks the symmetry definitions of docs/theory.md §1.6 for given permutations, exactly (sets of visit-distribution
/// functions are compared as functions of γ, for every γ at once), and reports every condition with its own verdict.
/// </summary>
public static class CopyChecker
{
    /// <summary>Similarity (OPTSP Def. 6.2): φ·X' = X. Any permutation is allowed here.</summary>
    public static SymmetryCheck Similar(Permutation phi, PermutableSet source, PermutableSet target)
    {
        CheckArguments(phi, source, target);
        var names = target.Mdp.StateNames;
        var conditions = new List<SymmetryCondition> { Inclusion(phi, source, target) };
        // X ⊆ φ·X' ⇔ φ⁻¹·X ⊆ X'.
        var inverse = phi.Inverse();
        int missing = Enumerable.Range(0, target.Count).FirstOrDefault(i => source.IndexOfImage(inverse, target, i) < 0, -1);
        conditions.Add(new SymmetryCondition($"{target.Name} ⊆ φ·{source.Name}", missing < 0,
            missing < 0 ? $"each of the {target.Count} elements of {target.Name} is the image of one of {source.Name}"
                : $"{target.Labels[missing]} ∈ {target.Name} is not φ of any element of {source.Name} (φ = {phi.ToString(names)})"));
        return new SymmetryCheck($"{source.Name} is similar to {target.Name} via φ = {phi.ToString(names)} (OPTSP Def. 6.2)", conditions);
    }

    /// <summary>"X contains a copy of X'" (OPTSP Def. 6.2): φ is an involution and φ·X' ⊆ X.</summary>
    /// <exception cref="ArgumentException">φ is not an involution (the message gives it in cycle notation).</exception>
    public static SymmetryCheck ContainsCopy(Permutation phi, PermutableSet source, PermutableSet target)
    {
        CheckArguments(phi, source, target);
        var names = target.Mdp.StateNames;
        phi.RequireInvolution(names, nameof(phi));
        return new SymmetryCheck($"{target.Name} contains a copy of {source.Name} via φ = {phi.ToString(names)} (OPTSP Def. 6.2)",
            [Involution(phi, names), Inclusion(phi, source, target)]);
    }

    /// <summary>"B contains n copies of A" (PRDM Def. A.7): involutions φ_1 … φ_n with B_i := φ_i·A ⊆ B and φ_i·B_j = B_j
    /// for j ≠ i; optionally the B_i pairwise disjoint (the literal definition lets A contain n copies of itself through
    /// identities).</summary>
    /// <exception cref="ArgumentException">Some φ_i is not an involution.</exception>
    public static SymmetryCheck ContainsCopies(IReadOnlyList<Permutation> phis, PermutableSet a, PermutableSet b,
        bool requireDisjoint = true)
    {
        ArgumentNullException.ThrowIfNull(phis);
        if (phis.Count == 0) throw new ArgumentException("at least one involution is needed.", nameof(phis));
        foreach (var phi in phis) CheckArguments(phi, a, b);
        var names = b.Mdp.StateNames;
        for (int i = 0; i < phis.Count; i++) phis[i].RequireInvolution(names, $"{nameof(phis)}[{i}]");
        var conditions = new List<SymmetryCondition>();
        var images = new int[phis.Count][];
        var defined = new bool[phis.Count];
        for (int i = 0; i < phis.Count; i++)
        {
            conditions.Add(Involution(phis[i], names, i + 1));
            var condition = Inclusion(phis[i], a, b, i + 1);
            conditions.Add(condition);
            defined[i] = condition.Holds;
            images[i] = condition.Holds ? Enumerable.Range(0, a.Count).Select(k => b.IndexOfImage(phis[i], a, k)).ToArray() : [];
        }
        AddInvariance(conditions, phis, b, images, defined, "B");
        if (requireDisjoint)
        {
            for (int i = 0; i < phis.Count; i++)
                for (int j = i + 1; j < phis.Count; j++)
                {
                    var shared = images[i].Intersect(images[j]).ToArray();
                    bool both = defined[i] && defined[j];
                    conditions.Add(new SymmetryCondition($"B_{i + 1} ∩ B_{j + 1} = ∅", both && shared.Length == 0,
                        !both ? $"B_{(defined[i] ? j : i) + 1} is not a subset of {b.Name}"
                            : shared.Length > 0 ? $"both contain {b.Labels[shared[0]]}" : "disjoint"));
                }
        }
        return new SymmetryCheck($"{b.Name} contains {phis.Count} copies of {a.Name} (PRDM Def. A.7{(requireDisjoint ? ", pairwise disjoint" : "")})",
            conditions);
    }

    /// <summary>Superset copies (PRDM Def. B.8): involutions φ_i and subsets B_i* ⊆ B (given as element indices of B)
    /// with φ_i·A ⊆ B_i* and φ_i·B_j* = B_j* for j ≠ i.</summary>
    public static SymmetryCheck ContainsSupersetCopies(IReadOnlyList<Permutation> phis, PermutableSet a, PermutableSet b,
        IReadOnlyList<IReadOnlyCollection<int>> supersets)
    {
        ArgumentNullException.ThrowIfNull(phis);
        ArgumentNullException.ThrowIfNull(supersets);
        if (phis.Count == 0 || phis.Count != supersets.Count)
            throw new ArgumentException($"need one superset B_i* per involution; got {phis.Count} involutions and {supersets.Count} supersets.", nameof(supersets));
        foreach (var phi in phis) CheckArguments(phi, a, b);
        var names = b.Mdp.StateNames;
        for (int i = 0; i < phis.Count; i++) phis[i].RequireInvolution(names, $"{nameof(phis)}[{i}]");
        var stars = new int[supersets.Count][];
        for (int i = 0; i < supersets.Count; i++)
        {
            stars[i] = supersets[i].Distinct().ToArray();
            foreach (int k in stars[i])
                if ((uint)k >= (uint)b.Count)
                    throw new ArgumentOutOfRangeException(nameof(supersets), k, $"B_{i + 1}* lists element {k}, outside 0..{b.Count - 1} of {b.Name}.");
        }
        var conditions = new List<SymmetryCondition>();
        for (int i = 0; i < phis.Count; i++)
        {
            conditions.Add(Involution(phis[i], names, i + 1));
            int miss = Enumerable.Range(0, a.Count).FirstOrDefault(k => !stars[i].Contains(b.IndexOfImage(phis[i], a, k)), -1);
            conditions.Add(new SymmetryCondition($"φ_{i + 1}·{a.Name} ⊆ B_{i + 1}*", miss < 0,
                miss < 0 ? $"every image lies in B_{i + 1}* ({stars[i].Length} elements of {b.Name})"
                    : $"φ_{i + 1}·({a.Labels[miss]}) is not in B_{i + 1}*"));
        }
        AddInvariance(conditions, phis, b, stars, Enumerable.Repeat(true, phis.Count).ToArray(), "B*");
        return new SymmetryCheck($"{b.Name} contains {phis.Count} superset copies of {a.Name} (PRDM Def. B.8)", conditions);
    }

    private static void AddInvariance(List<SymmetryCondition> conditions, IReadOnlyList<Permutation> phis, PermutableSet b,
        int[][] subsets, bool[] defined, string label)
    {
        for (int i = 0; i < phis.Count; i++)
            for (int j = 0; j < phis.Count; j++)
            {
                if (i == j) continue;
                string name = label == "B" ? $"φ_{i + 1}·B_{j + 1} = B_{j + 1}" : $"φ_{i + 1}·B_{j + 1}* = B_{j + 1}*";
                if (!defined[j])
                {
                    conditions.Add(new SymmetryCondition(name, false, $"B_{j + 1} is not a subset of {b.Name}, so it is not defined"));
                    continue;
                }
                int bad = subsets[j].FirstOrDefault(k => !subsets[j].Contains(b.IndexOfImage(phis[i], b, k)), -1);
                conditions.Add(new SymmetryCondition(name, bad < 0,
                    bad < 0 ? "invariant" : $"φ_{i + 1} moves {b.Labels[bad]} out of B_{j + 1}{(label == "B" ? "" : "*")}"));
            }
    }

    private static SymmetryCondition Involution(Permutation phi, IReadOnlyList<string> names, int index = 0) =>
        new(index == 0 ? "φ is an involution" : $"φ_{index} is an involution", true, phi.ToString(names));

    private static SymmetryCondition Inclusion(Permutation phi, PermutableSet source, PermutableSet target, int index = 0)
    {
        string phiName = index == 0 ? "φ" : $"φ_{index}";
        int missing = Enumerable.Range(0, source.Count).FirstOrDefault(j => target.IndexOfImage(phi, source, j) < 0, -1);
        return new SymmetryCondition($"{phiName}·{source.Name} ⊆ {target.Name}", missing < 0,
            missing < 0 ? $"each of the {source.Count} elements maps onto an element of {target.Name}"
                : $"{phiName}·({source.Labels[missing]}) is not in {target.Name}");
    }

    private static void CheckArguments(Permutation phi, PermutableSet source, PermutableSet target)
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (!ReferenceEquals(source.Mdp, target.Mdp) && !source.Mdp.Equals(target.Mdp))
            throw new ArgumentException($"{source.Name} and {target.Name} belong to different MDPs.", nameof(target));
        if (phi.Size != target.Mdp.StateCount)
            throw new ArgumentException($"φ = {phi} acts on {phi.Size} indices but the MDP has {target.Mdp.StateCount} states.", nameof(phi));
        if (source.HoldsFunctions != target.HoldsFunctions)
            throw new ArgumentException($"{source.Name} and {target.Name} hold different kinds of objects (functions vs vectors).", nameof(target));
    }
}

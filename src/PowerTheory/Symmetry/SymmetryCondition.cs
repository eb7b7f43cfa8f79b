namespace PowerTheory.Symmetry;

/// <summary>One checked condition of a symmetry certificate.</summary>
/// <param name="Name">What is checked, e.g. "φ·F_nd(l) ⊆ F(r)".</param>
/// <param name="Holds">The verdict.</param>
/// <param name="Detail">A human-readable account: why it holds, or the first counterexample (named by its states/policy).</param>
/// <param name="Required">True for a premise of the theorem (the certificate holds only if every required condition does);
/// false for a condition that decides which conclusion follows (e.g. the two items of OPTSP Prop 6.9) or strictness.</param>
public sealed record SymmetryCondition(string Name, bool Holds, string Detail, bool Required = true)
{
    /// <summary>For example "✔ φ is an involution: (l r)".</summary>
    public override string ToString() => $"{(Holds ? "✔" : "✘")} {Name}: {Detail}";
}

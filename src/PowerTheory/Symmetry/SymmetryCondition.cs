namespace PowerTheory.Symmetry;

/// <summary>One checked condition of a symmetry certificate: its name, its verdict and a human-readable detail (for a
/// failure, the first counterexample, named by states and policies).</summary>
/// <param name="Name">What was checked, e.g. "φ·F(s|a') ⊆ F(s|a)".</param>
/// <param name="Holds">The verdict.</param>
/// <param name="Detail">Why, in words.</param>
/// <param name="Required">True for a condition the certificate needs; false for one that only decides whether an extra
/// conclusion follows (e.g. item 1 of Prop 6.9, or strictness).</param>
public sealed record SymmetryCondition(string Name, bool Holds, string Detail, bool Required = true);

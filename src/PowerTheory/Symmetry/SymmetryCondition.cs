namespace PowerTheory.Symmetry;

/// <summary>One checked condition of a symmetry certificate: its name, its verdict and a human-readable detail (for a
/// failure, the first counterexample, named by states and policies).</summary>
/// <param name="Name">What was checked, e.g. "φ·F(s|a') ⊆ F(s|a)".</param>
/// <param name="Holds">The verdict.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record SymmetryCondition(string Name, bool Holds, string Detail);

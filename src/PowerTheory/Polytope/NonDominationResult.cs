namespace PowerTheory.Polytope;

/// <summary>
/// The outcome of an exact non-domination test of a point x against a set G (docs/theory.md §5.2):
/// t* = max_{r ∈ [−1,1]^d} min_{g ∈ G} (x − g)·r, with x non-dominated iff t* &gt; ε.
/// </summary>
/// <param name="IsNonDominated">True when the equilibrated LP's t* exceeds <paramref name="Tolerance"/> and the witness
/// has a positive margin: some r makes x strictly better than every g.</param>
/// <param name="Margin">min_g (x − g)·r for the witness r (max|r_i| = 1); +∞ when G is empty.</param>
/// <param name="Witness">An optimal r (one entry per coordinate); every g satisfies x·r − g·r ≥ t*.</param>
/// <param name="Tolerance">The ε used for the decision.</param>
public sealed record NonDominationResult(bool IsNonDominated, double Margin, IReadOnlyList<double> Witness, double Tolerance);

using PowerTheory.Budgets;

namespace PowerTheory.Polytope;

/// <summary>Options of <see cref="NonDominatedSearch"/>.</summary>
public sealed record NonDominatedSearchOptions
{
    /// <summary>The search budget: search-tree nodes (one per tentative (state, action) assignment) and wall seconds. When
    /// either is reached the search stops and reports an incomplete result. Default: 2,000,000 nodes, 10 s.</summary>
    public SearchBudget Budget { get; init; } = SearchBudget.Default;

    /// <summary>The largest number of vertices to collect (each holds about three |S|-vectors, so this bounds memory); when
    /// it is reached the search stops and reports an incomplete result. Default 10,000.</summary>
    public int MaxVertices { get; init; } = 10_000;

    /// <summary>Use the linear-programming feasibility test even on deterministic MDPs (where an exact graph test is
    /// equivalent and much faster). For cross-checks.</summary>
    public bool ForceLinearProgram { get; init; }

    /// <summary>The ε of the linear-programming test: a subtree is kept when its LP optimum t* exceeds it. Default 1e-9.</summary>
    public double Tolerance { get; init; } = 1e-9;
}

namespace PowerTheory.Polytope;

/// <summary>Options of <see cref="NonDominatedSearch"/>.</summary>
public sealed record NonDominatedSearchOptions
{
    /// <summary>The largest number of search-tree nodes (one per tentative (state, action) assignment) to explore; when it
    /// is reached the search stops and reports an incomplete result. Default 2,000,000.</summary>
    public long MaxNodes { get; init; } = 2_000_000;

    /// <summary>The largest number of vertices to collect (each holds two |S|-vectors); when it is reached the search stops
    /// and reports an incomplete result. Default 100,000.</summary>
    public int MaxVertices { get; init; } = 100_000;

    /// <summary>Use the linear-programming feasibility test even on deterministic MDPs (where an exact graph test is
    /// equivalent and much faster). For cross-checks.</summary>
    public bool ForceLinearProgram { get; init; }

    /// <summary>The ε of the linear-programming test: a subtree is kept when its LP optimum t* exceeds it. Default 1e-9.</summary>
    public double Tolerance { get; init; } = 1e-9;
}

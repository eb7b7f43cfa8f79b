using PowerTheory.Budgets;
using PowerTheory.Symmetry;

namespace PowerTheory.Retargeting;

/// <summary>
/// The result of <see cref="RetargeterSearch"/>: the largest n it could certify for the orbit of θ, the permutations
/// φ_1, …, φ_n that certify it (re-checked by <see cref="RetargetabilityChecker"/>), the counting upper bound and how the
/// search ended.
/// </summary>
public sealed class RetargeterSearchResult
{
    internal RetargeterSearchResult(RetargetingQuestion question, IReadOnlyList<double> theta, RetargeterClass candidates,
        IReadOnlyList<Permutation> retargeters, bool unbounded, long? upperBound, long candidatesTried, long validCandidates,
        RetargetabilityReport? certificate, SearchOutcome outcome)
    {
        Question = question;
        Theta = theta;
        Candidates = candidates;
        Retargeters = retargeters;
        IsUnbounded = unbounded;
        UpperBound = upperBound;
        CandidatesTried = candidatesTried;
        ValidCandidates = validCandidates;
        Certificate = certificate;
        Outcome = outcome;
    }

    /// <summary>The question.</summary>
    public RetargetingQuestion Question { get; }

    /// <summary>θ.</summary>
    public IReadOnlyList<double> Theta { get; }

    /// <summary>The candidate class searched.</summary>
    public RetargeterClass Candidates { get; }

    /// <summary>The certifying permutations φ_1, …, φ_n (empty when n = 0 or unbounded).</summary>
    public IReadOnlyList<Permutation> Retargeters { get; }

    /// <summary>The largest n certified (= the number of <see cref="Retargeters"/>); see <see cref="IsUnbounded"/>.</summary>
    public int N => Retargeters.Count;

    /// <summary>True when Orbit_{Θ,A&gt;B}(θ) is empty, so Def. 3.5 holds vacuously for every n.</summary>
    public bool IsUnbounded { get; }

    /// <summary>⌊#(B&gt;A)/#(A&gt;B)⌋ over Orbit_Θ(θ): no n above it can hold, because the n images of the A-wins part are
    /// disjoint subsets of the B-wins part (PRDM Thm. 3.6). Null when unbounded or when the orbit was not enumerated.</summary>
    public long? UpperBound { get; }

    /// <summary>Candidate permutations examined.</summary>
    public long CandidatesTried { get; }

    /// <summary>Of those, how many satisfy conditions 1 and 2 on their own.</summary>
    public long ValidCandidates { get; }

    /// <summary>The independent check of the returned permutations (null when nothing was certified or the orbit was not enumerated).</summary>
    public RetargetabilityReport? Certificate { get; }

    /// <summary>How the search ended: complete means every candidate of the class and every combination was decided.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>True when n is proved to be the largest for this orbit: it meets <see cref="UpperBound"/>, or it is
    /// unbounded, or every permutation was searched exhaustively.</summary>
    public bool IsProvedMaximal => IsUnbounded || (UpperBound is { } ub && N == ub)
        || (Outcome.IsComplete && Candidates == RetargeterClass.AllPermutations);
}

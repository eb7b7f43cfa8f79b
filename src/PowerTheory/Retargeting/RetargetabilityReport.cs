using PowerTheory.Budgets;
using PowerTheory.Symmetry;

namespace PowerTheory.Retargeting;

/// <summary>
/// The result of checking (Θ, A →ⁿ B)-retargetability (PRDM Def. 3.5; docs/theory.md §3.2) on the orbit of one θ with
/// given permutations φ_1, …, φ_n of the d coordinates: each of the three conditions with its verdict and detail.
/// </summary>
public sealed class RetargetabilityReport
{
    internal RetargetabilityReport(RetargetingQuestion question, double[] theta, IReadOnlyList<Permutation> retargeters,
        long? orbitSize, long aWinsCount, IReadOnlyList<ConditionCheck> conditions, SearchOutcome outcome)
    {
        Question = question;
        Theta = Array.AsReadOnly(theta);
        Retargeters = retargeters;
        OrbitSize = orbitSize;
        AWinsCount = aWinsCount;
        Conditions = conditions;
        Outcome = outcome;
    }

    /// <summary>The question.</summary>
    public RetargetingQuestion Question { get; }

    /// <summary>θ.</summary>
    public IReadOnlyList<double> Theta { get; }

    /// <summary>φ_1, …, φ_n.</summary>
    public IReadOnlyList<Permutation> Retargeters { get; }

    /// <summary>n, the number of permutations checked.</summary>
    public int N => Retargeters.Count;

    /// <summary>|S_d·θ|, or null when over 2⁶³ − 1.</summary>
    public long? OrbitSize { get; }

    /// <summary>|Orbit_{Θ,A&gt;B}(θ)| found (all of it when the outcome is complete).</summary>
    public long AWinsCount { get; }

    /// <summary>Conditions 1 (retargets), 2 (stays in Θ) and 3 (distinct images), in order.</summary>
    public IReadOnlyList<ConditionCheck> Conditions { get; }

    /// <summary>How the check ended against its budget.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>True when all three conditions hold on the whole orbit: then f(B|θ′) ≥ f(A|θ′) on at least n/(n+1) of
    /// Orbit_Θ(θ) (PRDM Thm. 3.6 with Lemma B.3).</summary>
    public bool Holds => Outcome.IsComplete && Conditions.All(c => c.Verdict == ConditionVerdict.Holds);
}

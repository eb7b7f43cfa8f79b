namespace PowerTheory.Retargeting;

/// <summary>
/// A decision rule whose comparison f(B | C, u) vs f(A | C, u) can be decided exactly (docs/theory.md §3.3, "exact
/// comparisons"): orbit counts and retargetability checks then count a tie only when the two values are equal as real
/// numbers, and a win only when it is one, whatever the rounding of the double evaluation.
/// </summary>
public interface IExactDecisionRule : IDecisionRule
{
    /// <summary>The sign of f(B | C, u) − f(A | C, u) decided exactly, or null when this rule cannot certify it at this
    /// u (the caller then uses the double comparison and reports it as uncertain).</summary>
    int? CompareExactly(LotterySet b, LotterySet a, LotterySet options, ReadOnlySpan<double> utility);
}

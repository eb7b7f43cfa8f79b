namespace PowerTheory.Retargeting;

/// <summary>One checked condition: its number and statement, the verdict and a human-readable detail (for a failure,
/// the first violating orbit element and permutation).</summary>
/// <param name="Number">The condition's number in its definition.</param>
/// <param name="Statement">What the condition says.</param>
/// <param name="Verdict">Holds, fails or undecided.</param>
/// <param name="Detail">Why.</param>
public sealed record ConditionCheck(int Number, string Statement, ConditionVerdict Verdict, string Detail);

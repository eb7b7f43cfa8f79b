namespace PowerTheory.Retargeting;

/// <summary>
/// A decision rule f(X | C, u): how strongly a decision-maker facing the options C ⊂ ℝ^d with utility (parameter)
/// u ∈ ℝ^d picks a lottery in X ⊆ C — usually a probability (docs/theory.md §3.1, §3.3). Implement it to plug a
/// user-supplied decision-maker into orbit counting and the retargetability checks.
/// </summary>
/// <remarks>The built-in rules also implement <see cref="IExactDecisionRule"/>, so orbit counts decide their ties and
/// wins exactly; a user rule that implements only this interface is compared by its double values.</remarks>
public interface IDecisionRule
{
    /// <summary>A short name with its parameters, e.g. "boltzmann:T=1".</summary>
    string Name { get; }

    /// <summary>f(X | C, u). The caller guarantees X ⊆ C, both of dimension d = |u|.</summary>
    double Evaluate(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility);
}

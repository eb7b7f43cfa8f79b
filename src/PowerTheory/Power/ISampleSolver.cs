namespace PowerTheory.Power;

/// <summary>
/// The per-sample oracle of the Monte Carlo engine: for one reward vector r it fills, for every state s and
/// state-action sa,
/// <list type="bullet">
/// <item><c>value[s]</c>: the quantity whose expectation is POWER(s,γ): (1−γ)·max_a E_{s'~T(s,a)} V*_r(s') for γ∈(0,1)
/// (= (1−γ)/γ·(V*(s) − r(s))), max_a E r(s') at γ = 0, the optimal gain g*(s) at γ = 1;</item>
/// <item><c>optimal[sa]</c>: whether some policy of Π*(r,γ) takes the action at its state — for γ∈(0,1) within the tie
/// tolerance (<see cref="DiscountedTieRule"/>), at γ = 0 and γ = 1 the limits of those sets (docs/theory.md §1.1).</item>
/// </list>
/// One instance serves one worker thread; it may keep warm-start state between samples of one block, and
/// <see cref="StartBlock"/> resets that state so a block's results depend on the block alone.
/// </summary>
internal interface ISampleSolver
{
    /// <summary>Forgets warm-start state (called at the start of every block).</summary>
    void StartBlock();

    /// <summary>Solves one sample.</summary>
    void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal);
}

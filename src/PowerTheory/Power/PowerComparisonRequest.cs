namespace PowerTheory.Power;

/// <summary>
/// A POWER-seeking comparison to estimate (OPTSP Def. 5.6): at <paramref name="State"/>, does action
/// <paramref name="Action"/> lead to more expected POWER than <paramref name="OtherAction"/>, i.e. is
/// E_{s_a~T(s,a)} POWER(s_a,γ) ≥ E_{s_a'~T(s,a')} POWER(s_a',γ)? Both sides are estimated from the same reward samples, so
/// the difference has a paired standard error.
/// </summary>
/// <param name="State">The state index s.</param>
/// <param name="Action">The action index a at s.</param>
/// <param name="OtherAction">The action index a' at s.</param>
public readonly record struct PowerComparisonRequest(int State, int Action, int OtherAction);

namespace PowerTheory.Solvers;

/// <summary>
/// What the certified solves of one solver (or one POWER run at one γ) established (docs/theory.md §5.1): the largest
/// certified bound on |V̂(s) − V*(s)| over every solve and state, how many solves needed a refinement, how many
/// (state, action) pairs were closer to the best action than the rounding floor and were therefore counted as tied, and
/// how many solves ended above the requested accuracy.
/// </summary>
/// <param name="Solves">Reward vectors solved.</param>
/// <param name="MaxValueErrorBound">The largest certified bound on |V̂(s) − V*(s)| (0 when no solve was certified,
/// e.g. at the γ = 0 and γ = 1 limits, which are exact by construction).</param>
/// <param name="Refinements">Solves whose first bound was above the accuracy target or left an undecided action pair,
/// and were refined (a further improvement and evaluation at a rounding-level margin).</param>
/// <param name="NearTies">(sample, state, action) triples whose Q̂ differs from the best action's by more than 0 but
/// not more than the certified width after refinement: undecidable in double precision, counted as optimal (a tie).</param>
/// <param name="Uncertified">Solves whose final bound stayed above <paramref name="Target"/> (the bound is still
/// reported: <paramref name="MaxValueErrorBound"/>).</param>
/// <param name="Target">The accuracy asked for: 10⁻⁹·max|r|/(1−γ) per solve, relative to the value scale (its largest value over the solves).</param>
public readonly record struct SolveCertification(
    long Solves, double MaxValueErrorBound, long Refinements, long NearTies, long Uncertified, double Target)
{
    /// <summary>Combines two summaries (counts add, bounds take the maximum; the result does not depend on the order).</summary>
    public SolveCertification Merge(SolveCertification other) => new(
        Solves + other.Solves, Math.Max(MaxValueErrorBound, other.MaxValueErrorBound), Refinements + other.Refinements,
        NearTies + other.NearTies, Uncertified + other.Uncertified, Math.Max(Target, other.Target));
}

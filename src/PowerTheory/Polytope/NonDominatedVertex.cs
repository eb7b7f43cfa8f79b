using PowerTheory.Visits;

namespace PowerTheory.Polytope;

/// <summary>
/// One non-dominated visit distribution f ∈ F_nd(s): a vertex of the visit-distribution polytope conv F(s,γ), with a
/// policy that attains it, its vector at γ, and a certificate.
/// </summary>
/// <remarks>
/// The certificate is a reward vector r (one entry per state) for which the policy is the <em>strictly</em> greedy choice
/// with respect to V*_r at every state it reaches: Q*_r(c, π(c)) − Q*_r(c, b) ≥ <see cref="ActionGap"/> &gt; 0 for every
/// reached c and every action b with a different transition row. Then every policy whose visit distribution from s differs
/// from f has a strictly lower value from s, i.e. f·r &gt; g·r for every g ∈ F(s)∖{f} (it deviates at some reached state c
/// it reaches with positive discounted probability, and loses at least ActionGap times that weight). r is built as
/// r = V − γ·max_a T_a V from a value function V ∈ [−1,1]^S found by the search, so V*_r = V exactly.
/// </remarks>
public sealed class NonDominatedVertex
{
    private readonly double[] _visits;
    private readonly double[] _witness;

    internal NonDominatedVertex(VisitDistributionFunction function, double[] visits, double[] witness, double actionGap)
    {
        Function = function;
        _visits = visits;
        _witness = witness;
        ActionGap = actionGap;
    }

    /// <summary>The visit distribution as an exact function of γ, with its policy.</summary>
    public VisitDistributionFunction Function { get; }

    /// <summary>f(γ) at the search's γ, one entry per state.</summary>
    public IReadOnlyList<double> Visits => Array.AsReadOnly(_visits);

    /// <summary>The witness reward r (one entry per state) making this f strictly optimal from s at the search's γ.</summary>
    public IReadOnlyList<double> Witness => Array.AsReadOnly(_witness);

    /// <summary>The certified margin: min over reached states c and non-equivalent actions b of Q*_r(c,π(c)) − Q*_r(c,b) &gt; 0;
    /// +∞ when no reached state has an alternative action (then F(s) has this single element).</summary>
    public double ActionGap { get; }

    internal double[] VisitsArray => _visits;
}

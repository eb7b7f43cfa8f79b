using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// φ·f, the image of a visit-distribution function under a state permutation: (φ·f)(γ) = P_φ·f(γ) = Σ_t γ^t·P_φ·μ_t for
/// every γ ∈ [0,1) (docs/theory.md §1.6). It is a function of γ, not necessarily a visit distribution of the MDP;
/// <see cref="EqualsFunction"/> decides exactly whether it equals one.
/// </summary>
public sealed class PermutedVisitFunction
{
    internal PermutedVisitFunction(Permutation phi, VisitDistributionFunction source)
    {
        Permutation = phi;
        Source = source;
    }

    /// <summary>φ.</summary>
    public Permutation Permutation { get; }

    /// <summary>f.</summary>
    public VisitDistributionFunction Source { get; }

    /// <summary>(φ·f)(γ) = P_φ·f(γ): the entry of f at state x moves to φ(x).</summary>
    public double[] Evaluate(double gamma) => Permutation.Apply(Source.Evaluate(gamma));

    /// <summary>True when φ·f = g as functions of γ on [0,1), decided exactly (trajectories on deterministic MDPs, exact
    /// dyadic t-step distributions for t &lt; |C_f| + |C_g| otherwise; see docs/theory.md §5.3). g must be a function of the
    /// same MDP.</summary>
    /// <exception cref="ArgumentException">g belongs to another MDP.</exception>
    public bool EqualsFunction(VisitDistributionFunction g)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (!ReferenceEquals(g.Mdp, Source.Mdp) && !g.Mdp.Equals(Source.Mdp))
            throw new ArgumentException("g is a visit-distribution function of another MDP.", nameof(g));
        if (Permutation[Source.Start] != g.Start) return false;
        int steps = Source.ReachedStates.Count + g.ReachedStates.Count;
        return string.Equals(Source.ExactKey(steps, Permutation.Image), g.ExactKey(steps, null), StringComparison.Ordinal);
    }

    /// <summary>For example "φ·(star → (r_se)*)".</summary>
    public override string ToString() => $"{Permutation.ToString(Source.Mdp.StateNames)}·({Source})";
}

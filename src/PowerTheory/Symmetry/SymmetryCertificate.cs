using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>
/// The answer of a symmetry finder (docs/symmetry.md): which theorem, the involution(s) on states found, every condition
/// of the theorem checked with its own verdict, the conclusions that follow, and how the search ended. A certificate
/// <see cref="Holds"/> when involutions were found and every required condition holds; "not found" with an exhaustive
/// <see cref="Search"/> means no such involution exists, with a stopped search only that none was found within the budget.
/// </summary>
public sealed class SymmetryCertificate
{
    internal SymmetryCertificate(Mdp mdp, string theorem, string claim, IReadOnlyList<Permutation> involutions,
        IReadOnlyList<SymmetryCondition> conditions, IReadOnlyList<string> conclusions, SearchOutcome search, string route)
    {
        Mdp = mdp;
        Theorem = theorem;
        Claim = claim;
        Involutions = involutions;
        Conditions = conditions;
        Conclusions = conclusions;
        Search = search;
        Route = route;
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The theorem, e.g. "OPTSP Prop 6.9".</summary>
    public string Theorem { get; }

    /// <summary>The claim in words, with state and action names.</summary>
    public string Claim { get; }

    /// <summary>True when involutions were found and every required condition holds.</summary>
    public bool Holds => Involutions.Count > 0 && Conditions.All(c => c.Holds || !c.Required);

    /// <summary>The number of copies certified (the n of ≥ⁿ_most: at least n/(n+1) of every orbit); 0 when none.</summary>
    public int N => Holds ? Involutions.Count : 0;

    /// <summary>The involutions φ_1 … φ_n (one for the single-copy theorems).</summary>
    public IReadOnlyList<Permutation> Involutions { get; }

    /// <summary>Every condition checked, in order.</summary>
    public IReadOnlyList<SymmetryCondition> Conditions { get; }

    /// <summary>What the theorem concludes from the conditions that hold (empty when the certificate does not hold).</summary>
    public IReadOnlyList<string> Conclusions { get; }

    /// <summary>How the search ended: exhaustive (a "not found" is then a proof of absence) or which budget stopped it.</summary>
    public SearchOutcome Search { get; }

    /// <summary>How the containment was established, e.g. "structural embedding, verified on enumerated visit distributions".</summary>
    public string Route { get; }

    /// <summary>Fallbacks and loosened acceptances on the way (for example an LP re-solved with other settings).</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    /// <summary>Each involution as its swapped pairs of state names.</summary>
    public IReadOnlyList<IReadOnlyList<(string First, string Second)>> NamedInvolutions() =>
        Involutions.Select(phi => (IReadOnlyList<(string, string)>)phi.Transpositions
            .Select(p => (Mdp.StateNames[p.First], Mdp.StateNames[p.Second])).ToArray()).ToArray();
}

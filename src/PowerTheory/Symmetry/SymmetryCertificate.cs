using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>
/// The answer of a symmetry finder (<see cref="SymmetryFinder"/>): which theorem, whether its premise was proved on this
/// MDP, the involutions as swapped state pairs, every condition with its verdict and detail, which route proved the
/// containment, and how the search ended. A certificate that holds was verified by <see cref="CopyChecker"/> or by the
/// transition-row check (<see cref="Route"/> says which); one that does not hold says whether the search was exhaustive
/// (<see cref="ProvedAbsent"/>) or stopped at its budget.
/// </summary>
public sealed class SymmetryCertificate
{
    internal SymmetryCertificate(Mdp mdp, string theorem, string statement, IReadOnlyList<Permutation> permutations,
        IReadOnlyList<SymmetryCondition> conditions, string route, SearchOutcome search, bool provedAbsent, string summary)
    {
        Theorem = theorem;
        Statement = statement;
        Permutations = permutations;
        Involutions = permutations.Select(p => (IReadOnlyList<StatePair>)p.Transpositions
            .Select(t => new StatePair(mdp.StateNames[t.First], mdp.StateNames[t.Second])).ToArray()).ToArray();
        Conditions = conditions;
        Route = route;
        Search = search;
        ProvedAbsent = provedAbsent;
        Summary = summary;
    }

    /// <summary>The theorem, e.g. "OPTSP Prop 6.6".</summary>
    public string Theorem { get; }

    /// <summary>The conclusion the theorem draws when the certificate holds, e.g. "POWER(r) ≥_most POWER(l) for all γ".</summary>
    public string Statement { get; }

    /// <summary>True when every required condition holds (the theorem's premise is proved for this MDP).</summary>
    public bool Holds => Permutations.Count > 0 && Conditions.Where(c => c.Required).All(c => c.Holds);

    /// <summary>n: the number of involutions (copies) found; 0 when none.</summary>
    public int N => Holds ? Permutations.Count : 0;

    /// <summary>The involutions, each as its transpositions (swapped state names).</summary>
    public IReadOnlyList<IReadOnlyList<StatePair>> Involutions { get; }

    /// <summary>The involutions as permutations of state indices.</summary>
    public IReadOnlyList<Permutation> Permutations { get; }

    /// <summary>Every condition checked, with its verdict and detail.</summary>
    public IReadOnlyList<SymmetryCondition> Conditions { get; }

    /// <summary>How the containment was proved (or searched): the transition-structure route or the enumerated sets.</summary>
    public string Route { get; }

    /// <summary>How the search ended: exhaustive, or which budget stopped it.</summary>
    public SearchOutcome Search { get; }

    /// <summary>True when nothing was found and the search proved that no such involution exists.</summary>
    public bool ProvedAbsent { get; }

    /// <summary>Fallbacks and loosened acceptances on the way (for example an LP re-solved with other settings), as
    /// recorded while the certificate was computed.</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    /// <summary>A one-line verdict.</summary>
    public string Summary { get; }

    /// <summary>A readable report: theorem, verdict, involutions, one line per condition, the search outcome.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, new[]
            {
                $"{Theorem}: {Statement}", $"  verdict: {Summary}", $"  route: {Route}",
            }
            .Concat(Involutions.Select((pairs, i) => $"  φ_{i + 1} = {string.Concat(pairs)}"))
            .Concat(Conditions.Select(c => "  " + c))
            .Append($"  search: {Search.Describe()}"));
}

using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

/// <summary>
/// Searches an MDP for the involutions the power-seeking theorems need and returns certificates (docs/theory.md §2, §5.3).
/// Two routes: (1) the transition structure — a transition-preserving involution of the reach subgraphs
/// (<see cref="StructuralSearch"/>) proves the containment without enumerating F, and is verified by an independent row
/// check; (2) the enumerated sets — an exhaustive search over involutions on the supports (<see cref="CopySearch"/>),
/// verified by <see cref="CopyChecker"/>. Route (1) is tried first; route (2) when (1) finds nothing. "Not found" is a
/// proof of absence only when route (2) ran to completion on completely enumerated sets.
/// </summary>
public static partial class SymmetryFinder
{
    /// <summary>The most policies enumerated for F(s) or RSD(s), and the most nodes of the F_nd(s) search (route 2 and the
    /// set-level re-verification of route 1); larger sets are left to route 1.</summary>
    public const long SetEnumerationLimit = 20_000;

    /// <summary>OPTSP Prop 6.6: an involution φ with φ(s') = s and φ·F_nd(s') ⊆ F(s), which gives POWER(s,γ) ≥_most
    /// POWER(s',γ) for all γ ∈ [0,1].</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="state">s, the state claimed to have at least as much POWER.</param>
    /// <param name="other">s'.</param>
    /// <param name="budget">The search budget (null: <see cref="SearchBudget.Default"/>).</param>
    public static SymmetryCertificate PowerDominance(Mdp mdp, int state, int other, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        MdpPreconditions.CheckState(mdp, other, nameof(other));
        var names = mdp.StateNames;
        var problem = new Problem(mdp, "OPTSP Prop 6.6", $"POWER({names[state]}, γ) ≥_most POWER({names[other]}, γ) for all γ ∈ [0,1]",
            $"F({names[state]}) contains a copy of F_nd({names[other]})", budget);
        problem.Structural = meter => StructuralFromState(mdp, other, state, meter, problem);
        problem.Sets = () =>
        {
            // Once one set is unavailable the other is not needed (its search on a large MDP costs seconds and memory).
            var (target, f1) = SetSources.Functions(mdp, state, SetEnumerationLimit, SetSources.SecondsWithin(problem.Budget));
            if (target is null) return (null, null, f1);
            var (source, f2) = SetSources.NonDominatedFunctions(mdp, other, Math.Min(problem.Budget.MaxNodes, SetEnumerationLimit), SetSources.SecondsWithin(problem.Budget));
            return (source, target, f2);
        };
        problem.FixedPairs = [(other, state)];
        problem.Strictness = phi =>
        {
            var (nd, _) = SetSources.NonDominatedFunctions(mdp, state, Math.Min(problem.Budget.MaxNodes, SetEnumerationLimit), SetSources.SecondsWithin(problem.Budget));
            var (ndOther, _) = SetSources.NonDominatedFunctions(mdp, other, Math.Min(problem.Budget.MaxNodes, SetEnumerationLimit), SetSources.SecondsWithin(problem.Budget));
            return nd is null || ndOther is null ? null : Strictness(phi, nd, ndOther, "POWER");
        };
        return problem.Solve();
    }

    /// <summary>OPTSP Prop 6.12 (γ = 1): an involution φ with φ·RSD_nd(s') ⊆ RSD(s), which gives POWER(s,1) ≥_most
    /// POWER(s',1).</summary>
    public static SymmetryCertificate AveragePowerDominance(Mdp mdp, int state, int other, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        MdpPreconditions.CheckState(mdp, other, nameof(other));
        var names = mdp.StateNames;
        var problem = new Problem(mdp, "OPTSP Prop 6.12", $"POWER({names[state]}, 1) ≥_most POWER({names[other]}, 1)",
            $"RSD({names[state]}) contains a copy of RSD_nd({names[other]})", budget);
        problem.Structural = meter => StructuralFromState(mdp, other, state, meter, problem);
        problem.Sets = () =>
        {
            var (all, _, f1) = SetSources.Recurrent(mdp, state, SetEnumerationLimit, SetSources.SecondsWithin(problem.Budget));
            if (all is null) return (null, null, f1);
            var (_, nd, f2) = SetSources.Recurrent(mdp, other, SetEnumerationLimit, SetSources.SecondsWithin(problem.Budget));
            return (nd, all, f2);
        };
        problem.FixedPairs = [];
        return problem.Solve();
    }

    /// <summary>Route 1 from s' to s: every row at every state reachable from s' maps onto a row at its image.</summary>
    private static (List<Permutation>, string) StructuralFromState(Mdp mdp, int other, int state, SearchMeter meter, Problem problem)
    {
        var all = (int x) => Enumerable.Range(0, mdp.ActionCount(x));
        var search = new StructuralSearch(mdp, other, all(other).ToArray(), all(state).ToArray(), (_, _) => true, meter);
        var found = search.Run(state, 1);
        var reach = StateReach.From(mdp, [other]);
        problem.StructuralCheck = phi => TransitionRowCheck.Check(mdp, phi, reach, all, x => all(phi[x]),
            $"φ maps every transition row at the states reachable from {mdp.StateNames[other]} onto a row at its image " +
            $"(so φ·F({mdp.StateNames[other]}) ⊆ F({mdp.StateNames[state]}), for every γ)");
        return (found, $"transition structure: an involution of the reach subgraph of {mdp.StateNames[other]} preserving every transition row");
    }

    /// <summary>The strictness condition "X ∖ φ·Y ≠ ∅" (not required).</summary>
    private static SymmetryCondition Strictness(Permutation phi, PermutableSet x, PermutableSet y, string what)
    {
        // g ∈ φ·Y ⇔ φ·g ∈ Y (φ an involution).
        int outside = Enumerable.Range(0, x.Count).FirstOrDefault(i => y.IndexOfImage(phi, x, i) < 0, -1);
        return new SymmetryCondition($"strict: {x.Name} ∖ φ·{y.Name} ≠ ∅", outside >= 0,
            outside >= 0 ? $"{x.Labels[outside]} is not an image; the converse {what} relation fails on (0,1) (strict for continuous bounded IID rewards)"
                : $"every element of {x.Name} is an image, so strictness is not shown", Required: false);
    }
}

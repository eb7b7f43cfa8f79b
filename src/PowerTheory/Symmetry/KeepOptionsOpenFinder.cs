using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// OPTSP Prop 6.9 ("action a keeps more options open than a′ at s"), in the form of Lemma E.47: find an involution φ that
/// fixes s and every state outside Reach(s,a) ∪ Reach(s,a′) with φ·F(s | π(s)=a′) ⊆ F(s | π(s)=a). Then
/// (1) if s ∉ Reach(s,a′), E[POWER(s_a,γ)] ≥_most E[POWER(s_a′,γ)] for bounded reward distributions (a is POWER-seeking);
/// (2) if s reaches Reach(s,a) ∪ Reach(s,a′) only through actions equivalent to a or a′, P_D(s,a,γ) ≥_most P_D(s,a′,γ) for
/// every γ ∈ [0,1] and every D; and when F_nd(s) ∩ (F_a ∖ φ·F_a′) ≠ ∅ the converse fails for γ ∈ (0,1).
/// </summary>
/// <remarks>The involution is searched structurally (<see cref="StructuralEmbedding"/>: the a′-subgraph embedded into the
/// a-subgraph, which proves the containment for every γ) and, when F(s) can be enumerated within half the budget,
/// re-verified independently by <see cref="SymmetryChecks.ContainsCopy(IReadOnlyList{VisitDistributionFunction}, IReadOnlyList{VisitDistributionFunction}, Permutation, string)"/>
/// on the exact functions.</remarks>
public static class KeepOptionsOpenFinder
{
    /// <summary>Searches for the certificate of "<paramref name="action"/> keeps more options open than
    /// <paramref name="versus"/> at <paramref name="state"/>".</summary>
    /// <param name="mdp">The MDP (deterministic or stochastic).</param>
    /// <param name="state">s.</param>
    /// <param name="action">a (local action index at s).</param>
    /// <param name="versus">a′ (local action index at s).</param>
    /// <param name="budget">Nodes and seconds for the search and the verification (default <see cref="SearchBudget.Default"/>).</param>
    public static SymmetryCertificate Find(Mdp mdp, int state, int action, int versus, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        int sa = mdp.StateActionIndex(state, action), sb = mdp.StateActionIndex(state, versus);
        budget ??= SearchBudget.Default;
        string s = mdp.StateNames[state], a = mdp.ActionName(state, action), b = mdp.ActionName(state, versus);
        string claim = $"at {s}, action {a} keeps more options open than {b}";
        using var degradations = DegradationScope.Begin();
        var reachA = SymmetryGraph.ReachAfter(mdp, sa);
        var reachB = SymmetryGraph.ReachAfter(mdp, sb);
        var mustFix = Enumerable.Range(0, mdp.StateCount).Select(x => !reachA[x] && !reachB[x]).ToArray();
        var source = (bool[])reachB.Clone();
        var all = VisitDistributionSet.Enumerate(mdp, state, SymmetryGraph.Half(budget));
        var fa = SymmetryGraph.WithFirstAction(mdp, all, state, sa);
        var fb = SymmetryGraph.WithFirstAction(mdp, all, state, sb);
        var meter = SymmetryGraph.Half(budget).Start();
        var phi = SymmetryGraph.SameRow(mdp, sa, sb) ? null : StructuralEmbedding.Find(mdp, [(state, state)], (state, sb, sa), source, mustFix, meter,
            candidate => !all.IsComplete || SymmetryChecks.ContainsCopy(fa, fb, candidate).Holds);
        if (phi is null)
        {
            string why = SymmetryGraph.SameRow(mdp, sa, sb) ? $"{a} and {b} are equivalent actions (identical transitions)."
                : meter.Outcome().IsComplete ? "no involution embeds the structure after " + b + " into the structure after " + a + " (exhaustive search)."
                : "none found before the budget ran out: " + meter.Outcome().Describe() + ".";
            return new SymmetryCertificate(mdp, "OPTSP Prop 6.9", claim, [],
                [new SymmetryCondition("an involution φ with φ·F(s|a′) ⊆ F(s|a)", false, why)], [], meter.Outcome(), "structural search");
        }
        var conditions = new List<SymmetryCondition>
        {
            new("φ is an involution fixing s and every state outside Reach(s,a) ∪ Reach(s,a′)",
                phi.IsInvolution && phi[state] == state && Enumerable.Range(0, mdp.StateCount).All(x => !mustFix[x] || phi[x] == x),
                "φ(s) = s, φ∘φ = id and every state outside both reach sets is fixed (checked on the permutation)."),
            all.IsComplete
                ? SymmetryChecks.ContainsCopy(fa, fb, phi, $"φ·F({s}|{b}) ⊆ F({s}|{a})")
                : new SymmetryCondition($"φ·F({s}|{b}) ⊆ F({s}|{a})", true,
                    "proved by the structural embedding (T(φ(x), b′) = P_φ T(x, b) on every state after " + b + "); " +
                    "F(s) was not enumerated within the budget, so the independent check was skipped: " + all.Outcome.Describe() + "."),
        };
        bool item1 = !reachB[state];
        conditions.Add(new SymmetryCondition($"item 1: {s} ∉ Reach({s},{b})", item1,
            item1 ? $"{s} cannot be reached again after {b}." : $"{s} can be reached again after {b}, so item 1 does not apply.", Required: false));
        var (item2, bottleneck) = Bottleneck(mdp, state, sa, sb, reachA, reachB);
        conditions.Add(new SymmetryCondition("item 2: the reach sets are entered only through actions equivalent to a or a′", item2, bottleneck, Required: false));
        var strict = Strictness(mdp, state, fa, fb, phi, all.IsComplete, budget);
        conditions.Add(strict);
        var conclusions = new List<string>();
        if (item1) conclusions.Add($"E[POWER({Names(mdp, sa)}, γ)] ≥_most E[POWER({Names(mdp, sb)}, γ)] for every γ ∈ [0,1] and bounded reward distributions: {a} is POWER-seeking compared to {b}.");
        if (item2) conclusions.Add($"P(optimal policies take {a} at {s}) ≥_most P(they take {b}) for every γ ∈ [0,1] and every reward distribution.");
        if (strict.Holds) conclusions.Add("Strict: the converse ≥_most fails for γ ∈ (0,1).");
        return new SymmetryCertificate(mdp, "OPTSP Prop 6.9", claim, [phi], conditions, conclusions, meter.Outcome(),
            all.IsComplete ? "structural embedding, verified on the exact visit-distribution functions" : "structural embedding");
    }

    /// <summary>Finds the certificate for states and actions given by name.</summary>
    public static SymmetryCertificate Find(Mdp mdp, string state, string action, string versus, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        int s = mdp.StateIndex(state);
        return Find(mdp, s, mdp.ActionIndex(s, action), mdp.ActionIndex(s, versus), budget);
    }

    /// <summary>Item 2: no action at s other than those equivalent to a or a′ leads (without passing through s again) into
    /// Reach(s,a) ∪ Reach(s,a′).</summary>
    private static (bool Holds, string Detail) Bottleneck(Mdp mdp, int state, int sa, int sb, bool[] reachA, bool[] reachB)
    {
        for (int other = mdp.FirstStateAction(state); other < mdp.FirstStateAction(state) + mdp.ActionCount(state); other++)
        {
            if (SymmetryGraph.SameRow(mdp, other, sa) || SymmetryGraph.SameRow(mdp, other, sb)) continue;
            // States reachable after `other` without passing through s.
            var seen = new bool[mdp.StateCount];
            var queue = new Queue<int>();
            foreach (int t in mdp.Successors(other))
                if (t != state && !seen[t]) { seen[t] = true; queue.Enqueue(t); }
            while (queue.Count > 0)
            {
                int x = queue.Dequeue();
                if (reachA[x] || reachB[x])
                    return (false, $"action {mdp.ActionName(state, other - mdp.FirstStateAction(state))} also leads to {mdp.StateNames[x]}, which is in Reach(s,a) ∪ Reach(s,a′).");
                for (int xa = mdp.FirstStateAction(x); xa < mdp.FirstStateAction(x) + mdp.ActionCount(x); xa++)
                    foreach (int y in mdp.Successors(xa))
                        if (y != state && !seen[y]) { seen[y] = true; queue.Enqueue(y); }
            }
        }
        return (true, "every other action at s leads only to states outside Reach(s,a) ∪ Reach(s,a′) (until s itself).");
    }

    /// <summary>Strictness: some non-dominated f ∈ F_nd(s) with first action a is not in φ·F(s|a′).</summary>
    private static SymmetryCondition Strictness(Mdp mdp, int state, VisitDistributionFunction[] fa, VisitDistributionFunction[] fb,
        Permutation phi, bool enumerated, SearchBudget budget)
    {
        const string name = "strict: F_nd(s) ∩ (F(s|a) ∖ φ·F(s|a′)) ≠ ∅";
        if (!enumerated) return new SymmetryCondition(name, false, "not decided: F(s) was not enumerated within the budget.", Required: false);
        var nd = NonDominatedSearch.Run(mdp, state, 0.5, new NonDominatedSearchOptions { Budget = SymmetryGraph.Half(budget) });
        var images = new HashSet<string>(fb.Select(f => f.ExactKey(2 * mdp.StateCount, phi.Image)), StringComparer.Ordinal);
        var aKeys = new HashSet<string>(fa.Select(f => f.ExactKey(2 * mdp.StateCount, null)), StringComparer.Ordinal);
        foreach (var v in nd.Vertices)
        {
            string key = v.Function.ExactKey(2 * mdp.StateCount, null);
            if (aKeys.Contains(key) && !images.Contains(key))
                return new SymmetryCondition(name, true, $"{v.Function} is non-dominated, starts with a, and is not a copy.", Required: false);
        }
        return new SymmetryCondition(name, false, nd.IsComplete ? "every non-dominated function through a is a copy." : "not found within the budget.", Required: false);
    }

    private static string Names(Mdp mdp, int stateAction) => string.Join("/", mdp.Successors(stateAction).ToArray().Select(x => mdp.StateNames[x]));
}

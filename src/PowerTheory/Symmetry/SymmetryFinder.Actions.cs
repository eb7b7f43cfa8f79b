using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

public static partial class SymmetryFinder
{
    /// <summary>
    /// OPTSP Prop 6.9 at state s, action a against a' (Lemma E.47 form): an involution φ fixing every state outside
    /// Reach(s,a) ∪ Reach(s,a') with φ·F(s | π(s)=a') ⊆ F(s | π(s)=a). Item (1), s ∉ Reach(s,a') (then a seeks at least as
    /// much POWER, ≥_most), and item (2), the bottleneck (then P(s,a,γ) ≥_most P(s,a',γ)), are reported as separate
    /// conditions with their own verdicts.
    /// </summary>
    public static SymmetryCertificate KeepsOptionsOpen(Mdp mdp, int state, int action, int otherAction, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        mdp.StateActionIndex(state, action);
        mdp.StateActionIndex(state, otherAction);
        var names = mdp.StateNames;
        string s = names[state], a = mdp.ActionName(state, action), a2 = mdp.ActionName(state, otherAction);
        var reachA = StateReach.AfterAction(mdp, state, action);
        var reachA2 = StateReach.AfterAction(mdp, state, otherAction);
        var union = reachA.Union(reachA2).ToHashSet();
        bool Allowed(int x, int y) => x == y || (union.Contains(x) && union.Contains(y));
        var sameRowAsA = Enumerable.Range(0, mdp.ActionCount(state)).Where(b => SameRow(mdp, state, b, action)).ToArray();
        var problem = new Problem(mdp, "OPTSP Prop 6.9",
            $"at {s}, '{a}' keeps options open at least as well as '{a2}' (item 1: '{a}' seeks POWER ≥_most; item 2: P({s},{a},γ) ≥_most P({s},{a2},γ))",
            $"F({s} | π({s})={a}) contains a copy of F({s} | π({s})={a2})", budget)
        {
            Allowed = Allowed,
            FixedPairs = [(state, state)],
        };
        problem.Structural = meter =>
        {
            var search = new StructuralSearch(mdp, state, [otherAction], sameRowAsA, Allowed, meter);
            var found = search.Run(state, 1);
            var domain = search.Domain.ToArray();
            problem.StructuralCheck = phi => TransitionRowCheck.Check(mdp, phi, domain,
                x => x == state ? [otherAction] : Enumerable.Range(0, mdp.ActionCount(x)),
                x => x == state ? sameRowAsA : Enumerable.Range(0, mdp.ActionCount(phi[x])),
                $"φ fixes {s}, maps row '{a2}' at {s} onto row '{a}', and every row at the states reachable after '{a2}' onto a row at its image " +
                $"(so φ·F({s} | π({s})={a2}) ⊆ F({s} | π({s})={a}), for every γ)");
            return (found, $"transition structure: an involution of the subgraph reachable after '{a2}' preserving every transition row");
        };
        problem.Sets = () =>
        {
            var (all, failure) = SetSources.Functions(mdp, state, SetEnumerationLimit, SetSources.SecondsWithin(problem.Budget));
            if (all is null) return (null, null, failure);
            var fs = all.Functions!;
            var withA = Enumerable.Range(0, fs.Count).Where(i => SameRow(mdp, state, fs[i].Policy[state], action));
            var withA2 = Enumerable.Range(0, fs.Count).Where(i => SameRow(mdp, state, fs[i].Policy[state], otherAction));
            return (all.Subset(withA2, $"F({s} | π({s})={a2})"), all.Subset(withA, $"F({s} | π({s})={a})"), null);
        };
        problem.Extra = phi =>
        {
            var moved = phi.Support.Where(x => !union.Contains(x)).ToArray();
            return
            [
                new($"φ fixes every state outside Reach({s},{a}) ∪ Reach({s},{a2})", moved.Length == 0,
                    moved.Length == 0 ? $"φ moves only {string.Join(", ", phi.Support.Select(x => names[x]))}"
                        : $"φ moves '{names[moved[0]]}', which is outside both reach sets"),
            ];
        };
        problem.Always = () =>
        [
            new($"item (1): {s} ∉ Reach({s},{a2})", !reachA2.Contains(state),
                reachA2.Contains(state) ? $"{s} can be reached again after '{a2}', so the POWER-seeking conclusion is not given"
                    : $"{s} is not reachable after '{a2}': with the copy, '{a}' seeks POWER ≥_most (bounded reward distributions)", Required: false),
            Bottleneck(mdp, state, action, otherAction, union),
        ];
        return problem.Solve();
    }

    /// <summary>Item (2): every action at s not equivalent to a or a' reaches no state of Reach(s,a) ∪ Reach(s,a').</summary>
    private static SymmetryCondition Bottleneck(Mdp mdp, int state, int action, int otherAction, HashSet<int> union)
    {
        var names = mdp.StateNames;
        string s = names[state], a = mdp.ActionName(state, action), a2 = mdp.ActionName(state, otherAction);
        string name = $"item (2): only actions equivalent to '{a}' or '{a2}' at {s} lead into Reach({s},{a}) ∪ Reach({s},{a2})";
        for (int b = 0; b < mdp.ActionCount(state); b++)
        {
            if (SameRow(mdp, state, b, action) || SameRow(mdp, state, b, otherAction)) continue;
            var shared = StateReach.AfterAction(mdp, state, b).Where(union.Contains).Order().ToArray();
            if (shared.Length > 0)
                return new SymmetryCondition(name, false,
                    $"action '{mdp.ActionName(state, b)}' also reaches '{names[shared[0]]}', so the optimality-probability conclusion is not given",
                    Required: false);
        }
        return new SymmetryCondition(name, true,
            $"a bottleneck: P({s},{a},γ) ≥_most P({s},{a2},γ) for every γ ∈ [0,1] (any reward distribution)", Required: false);
    }

    private static bool SameRow(Mdp mdp, int state, int b, int a)
    {
        int sb = mdp.StateActionIndex(state, b), sa = mdp.StateActionIndex(state, a);
        return mdp.Successors(sb).SequenceEqual(mdp.Successors(sa)) && mdp.Probabilities(sb).SequenceEqual(mdp.Probabilities(sa));
    }
}

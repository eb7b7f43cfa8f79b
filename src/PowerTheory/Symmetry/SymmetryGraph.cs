using PowerTheory.Budgets;
using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>The reach sets and visit-distribution sets the finders check against (docs/theory.md §1.6).</summary>
internal static class SymmetryGraph
{
    /// <summary>Reach(s,a): the states reachable with positive probability after taking a at s (under any policy).</summary>
    public static bool[] ReachAfter(Mdp mdp, int stateAction)
    {
        var reached = new bool[mdp.StateCount];
        var stamps = new long[mdp.StateCount];
        var order = new int[mdp.StateCount];
        foreach (int t in mdp.Successors(stateAction))
        {
            int count = Reachability.Forward(mdp, t, default, order, stamps, t + 1L);
            for (int i = 0; i < count; i++) reached[order[i]] = true;
        }
        return reached;
    }

    /// <summary>The states reachable from <paramref name="start"/> (itself included).</summary>
    public static bool[] ReachFrom(Mdp mdp, int start)
    {
        var reached = new bool[mdp.StateCount];
        foreach (int x in Reachability.AnyPolicy(mdp, start)) reached[x] = true;
        return reached;
    }

    /// <summary>Whether two state-actions have identical transition rows (equivalent actions).</summary>
    public static bool SameRow(Mdp mdp, int a, int b) =>
        mdp.Successors(a).SequenceEqual(mdp.Successors(b)) && mdp.Probabilities(a).SequenceEqual(mdp.Probabilities(b));

    /// <summary>F(s | π(s) ≡ a): the functions of <paramref name="all"/> whose policy takes an action equivalent to a at s.</summary>
    public static VisitDistributionFunction[] WithFirstAction(Mdp mdp, VisitDistributionSet all, int state, int stateAction) =>
        all.Functions.Where(f => SameRow(mdp, f.Policy.StateActionAt(state), stateAction)).ToArray();

    /// <summary>Splits a budget between two phases (half the nodes and the seconds each).</summary>
    public static SearchBudget Half(SearchBudget budget) =>
        new(Math.Max(1, budget.MaxNodes / 2), budget.MaxSeconds / 2);
}

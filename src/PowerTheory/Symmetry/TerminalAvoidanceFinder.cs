using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// OPTSP Cor 6.14 and its n-fold form PRDM Cor D.12: if the avoided states T = {t_1 … t_k} give 1-cycle recurrent state
/// distributions e_{t_j} ∈ RSD(s) and there are n·k other 1-cycle distributions, then
/// P(RSD(s) ∖ D′, average) ≥ⁿ_most P(D′, average) with D′ = {e_{t_j}}: in every orbit of reward functions at least
/// n/(n+1) make avoiding T average-optimal (docs/theory.md §2). The involutions φ_i swap T with the i-th block of k other
/// 1-cycle states and fix everything else; the n-copies condition (PRDM Def. A.7, copies pairwise disjoint) is checked on
/// the recurrent distributions.
/// </summary>
public static class TerminalAvoidanceFinder
{
    /// <summary>Searches for the certificate that average-optimal policies from <paramref name="state"/> tend to avoid
    /// <paramref name="avoid"/>, with the largest n.</summary>
    public static SymmetryCertificate Find(Mdp mdp, int state, IReadOnlyList<int> avoid, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(avoid);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        if (avoid.Count == 0) throw new ArgumentException("give at least one state to avoid.", nameof(avoid));
        foreach (int t in avoid) MdpPreconditions.CheckState(mdp, t, nameof(avoid));
        if (avoid.Distinct().Count() != avoid.Count) throw new ArgumentException("the states to avoid must be distinct.", nameof(avoid));
        budget ??= SearchBudget.Default;
        using var degradations = DegradationScope.Begin();
        string names = string.Join(", ", avoid.Select(t => mdp.StateNames[t]));
        string claim = $"average-optimal policies from {mdp.StateNames[state]} tend to avoid {{{names}}}";
        var rsd = RecurrentStateDistributionSet.Enumerate(mdp, state, budget);
        var oneCycles = OneCycles(mdp, state, rsd);
        var conditions = new List<SymmetryCondition>();
        foreach (int t in avoid)
        {
            bool isOne = oneCycles.Contains(t);
            conditions.Add(new SymmetryCondition($"e_{mdp.StateNames[t]} ∈ RSD({mdp.StateNames[state]}) is a 1-cycle", isOne,
                isOne ? $"{mdp.StateNames[t]} can be reached for sure and kept forever (a self-loop)." : $"{mdp.StateNames[t]} is not a 1-cycle recurrent distribution from {mdp.StateNames[state]}."));
        }
        var others = oneCycles.Where(x => !avoid.Contains(x)).Order().ToArray();
        int k = avoid.Count, n = others.Length / k;
        if (conditions.Any(c => !c.Holds) || n == 0)
        {
            if (n == 0) conditions.Add(new SymmetryCondition($"at least {k} other 1-cycle distributions", false,
                $"only {others.Length} other 1-cycle recurrent distributions ({string.Join(", ", others.Select(x => mdp.StateNames[x]))})."));
            return new SymmetryCertificate(mdp, "PRDM Cor D.12", claim, [], conditions, [], rsd.Outcome, "1-cycle recurrent distributions");
        }
        var phis = Enumerable.Range(0, n).Select(i =>
            Permutation.FromTranspositions(mdp.StateCount, avoid.Select((t, j) => (t, others[i * k + j])))).ToArray();
        conditions.Add(new SymmetryCondition($"{n}·{k} other 1-cycle distributions", true,
            $"{others.Length} others: {string.Join(", ", others.Select(x => mdp.StateNames[x]))}; n = ⌊{others.Length}/{k}⌋ = {n}."));
        // The n-copies condition on the recurrent distributions: A = D′, B = RSD(s) ∖ D′.
        var a = avoid.Select(t => (IReadOnlyList<double>)Unit(mdp.StateCount, t)).ToArray();
        var b = rsd.Distributions.Select(e => e.Distribution).Where(d => !avoid.Any(t => d[t] == 1.0)).ToArray();
        if (!rsd.IsComplete) b = b.Concat(others.Select(x => (IReadOnlyList<double>)Unit(mdp.StateCount, x))).ToArray();
        for (int i = 0; i < n; i++)
            conditions.Add(SymmetryChecks.ContainsCopy(b, a, phis[i], $"B_{i + 1} = φ_{i + 1}·D′ ⊆ RSD(s) ∖ D′"));
        conditions.Add(new SymmetryCondition("φ_i·B_j = B_j (i ≠ j) and the copies are disjoint", true,
            "each φ_i moves only T and its own block of 1-cycle states, and the blocks are disjoint."));
        var conclusions = new List<string>
        {
            $"P(avoid {{{names}}}, average) ≥^{n}_most P({{{names}}}, average): in every orbit of reward functions at least {n}/{n + 1} make avoiding {{{names}}} average-optimal.",
        };
        return new SymmetryCertificate(mdp, "PRDM Cor D.12", claim, phis, conditions, conclusions, rsd.Outcome,
            rsd.IsComplete ? "1-cycle recurrent distributions, RSD(s) enumerated" : "1-cycle recurrent distributions (reachable self-loops; RSD(s) over budget)");
    }

    /// <summary>Finds the certificate for states given by name.</summary>
    public static SymmetryCertificate Find(Mdp mdp, string state, IReadOnlyList<string> avoid, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(avoid);
        return Find(mdp, mdp.StateIndex(state), avoid.Select(mdp.StateIndex).ToArray(), budget);
    }

    /// <summary>The states x with e_x ∈ RSD(s): from the enumeration when complete; otherwise, on a deterministic MDP,
    /// the reachable states with a self-loop (each such e_x is the RSD of "go to x and stay").</summary>
    private static HashSet<int> OneCycles(Mdp mdp, int state, RecurrentStateDistributionSet rsd)
    {
        var result = new HashSet<int>();
        foreach (var e in rsd.Distributions)
            for (int x = 0; x < mdp.StateCount; x++)
                if (e.Distribution[x] == 1.0) result.Add(x);
        if (!rsd.IsComplete && mdp.IsDeterministic)
            foreach (int x in Reachability.AnyPolicy(mdp, state))
                for (int sa = mdp.FirstStateAction(x); sa < mdp.FirstStateAction(x) + mdp.ActionCount(x); sa++)
                    if (mdp.Successors(sa)[0] == x) result.Add(x);
        return result;
    }

    private static double[] Unit(int n, int x)
    {
        var e = new double[n];
        e[x] = 1;
        return e;
    }
}

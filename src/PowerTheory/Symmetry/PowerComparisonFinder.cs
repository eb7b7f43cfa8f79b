using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Visits;

namespace PowerTheory.Symmetry;

/// <summary>
/// OPTSP Prop 6.6: if F(s) contains a copy of F_nd(s′) via an involution φ, then POWER_D(s,γ) ≥_most POWER_D(s′,γ) for
/// every γ ∈ [0,1] and bounded D; if moreover F_nd(s) ∖ φ·F_nd(s′) ≠ ∅ the converse fails for γ ∈ (0,1) (strictly
/// greater for continuous bounded IID rewards). The finder searches an involution with φ(s′) = s that embeds the whole
/// structure reachable from s′ (<see cref="StructuralEmbedding"/>, which proves φ·F(s′) ⊆ F(s)) and re-verifies
/// φ·F_nd(s′) ⊆ F(s) on the exact functions when F_nd(s′) is found completely within the budget.
/// </summary>
public static class PowerComparisonFinder
{
    /// <summary>Searches for the certificate of POWER(<paramref name="state"/>) ≥_most POWER(<paramref name="versus"/>).</summary>
    public static SymmetryCertificate Find(Mdp mdp, int state, int versus, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        MdpPreconditions.CheckState(mdp, versus, nameof(versus));
        if (state == versus) throw new ArgumentException($"compare two different states; got '{mdp.StateNames[state]}' twice.", nameof(versus));
        budget ??= SearchBudget.Default;
        using var degradations = DegradationScope.Begin();
        string s = mdp.StateNames[state], t = mdp.StateNames[versus];
        string claim = $"POWER({s}) ≥_most POWER({t})";
        var half = SymmetryGraph.Half(budget);
        var ndVersus = NonDominatedSearch.Run(mdp, versus, 0.5, new NonDominatedSearchOptions { Budget = half });
        var fnd = ndVersus.Vertices.Select(v => v.Function).ToArray();
        var meter = half.Start();
        var source = SymmetryGraph.ReachFrom(mdp, versus);
        var phi = StructuralEmbedding.Find(mdp, [(versus, state)], null, source, new bool[mdp.StateCount], meter,
            candidate => !ndVersus.IsComplete || fnd.All(f => InF(mdp, state, f, candidate)));
        if (phi is null)
        {
            string why = meter.Outcome().IsComplete
                ? $"no involution with φ({t}) = {s} embeds the structure reachable from {t} (exhaustive search)."
                : "none found before the budget ran out: " + meter.Outcome().Describe() + ".";
            return new SymmetryCertificate(mdp, "OPTSP Prop 6.6", claim, [],
                [new SymmetryCondition("an involution φ with φ·F_nd(s′) ⊆ F(s)", false, why)], [], meter.Outcome(), "structural search");
        }
        var conditions = new List<SymmetryCondition>
        {
            new("φ is an involution with φ(s′) = s", phi.IsInvolution && phi[versus] == state, "φ(s′) = s and φ∘φ = id (checked on the permutation)."),
            ndVersus.IsComplete
                ? new SymmetryCondition($"φ·F_nd({t}) ⊆ F({s})", fnd.All(f => InF(mdp, state, f, phi)),
                    $"each of the {fnd.Length} non-dominated functions of {t}, renamed by φ, is the visit distribution of a policy from {s} (exact).")
                : new SymmetryCondition($"φ·F_nd({t}) ⊆ F({s})", true,
                    $"proved by the structural embedding of everything reachable from {t} (φ·F({t}) ⊆ F({s})); F_nd({t}) was not completed within the budget ({ndVersus.Outcome.Describe()}), so the independent check was skipped."),
        };
        var strict = Strictness(mdp, state, fnd, phi, ndVersus.IsComplete, half);
        conditions.Add(strict);
        var conclusions = new List<string> { $"POWER({s}, γ) ≥_most POWER({t}, γ) for every γ ∈ [0,1] and every bounded reward distribution." };
        if (strict.Holds) conclusions.Add("Strict: the converse fails for γ ∈ (0,1); under continuous bounded IID rewards POWER(" + s + ") > POWER(" + t + ").");
        return new SymmetryCertificate(mdp, "OPTSP Prop 6.6", claim, [phi], conditions, conclusions, meter.Outcome(),
            ndVersus.IsComplete ? "structural embedding, verified on the exact non-dominated functions" : "structural embedding");
    }

    /// <summary>Finds the certificate for states given by name.</summary>
    public static SymmetryCertificate Find(Mdp mdp, string state, string versus, SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return Find(mdp, mdp.StateIndex(state), mdp.StateIndex(versus), budget);
    }

    /// <summary>Whether φ·f is the visit distribution of some policy from <paramref name="start"/>: on a deterministic MDP
    /// the renamed trajectory must start at s and follow available moves (each state appears once before the cycle
    /// closes, so one action per state suffices); on a stochastic MDP the renamed policy is built and compared exactly.</summary>
    private static bool InF(Mdp mdp, int start, VisitDistributionFunction f, Permutation phi)
    {
        if (f.Trajectory is { } path)
        {
            var image = path.Select(x => phi[x]).ToArray();
            if (image[0] != start) return false;
            for (int t = 0; t < image.Length; t++)
            {
                int next = t + 1 < image.Length ? image[t + 1] : image[f.CycleStart];
                bool available = false;
                for (int sa = mdp.FirstStateAction(image[t]); sa < mdp.FirstStateAction(image[t]) + mdp.ActionCount(image[t]); sa++)
                    if (mdp.Successors(sa)[0] == next) available = true;
                if (!available) return false;
            }
            return true;
        }
        // Stochastic: the mirror policy takes, at φ(x), an action whose row is P_φ T(·|x, π(x)).
        var actions = new int[mdp.StateCount];
        foreach (int x in f.ReachedStates)
        {
            int y = phi[x], found = -1;
            int sa = f.Policy.StateActionAt(x);
            for (int b = 0; b < mdp.ActionCount(y) && found < 0; b++)
            {
                int yb = mdp.FirstStateAction(y) + b;
                var succ = mdp.Successors(sa).ToArray();
                var prob = mdp.Probabilities(sa).ToArray();
                if (succ.Length == mdp.Successors(yb).Length
                    && Enumerable.Range(0, succ.Length).All(k => mdp.TransitionProbability(y, b, phi[succ[k]]) == prob[k]))
                    found = b;
            }
            if (found < 0) return false;
            actions[y] = found;
        }
        var mirror = VisitDistributionFunction.Of(mdp, Solvers.Policy.Wrap(mdp, actions), start);
        int steps = 2 * mdp.StateCount;
        return mirror.ExactKey(steps, null) == f.ExactKey(steps, phi.Image);
    }

    private static SymmetryCondition Strictness(Mdp mdp, int state, VisitDistributionFunction[] fnd, Permutation phi, bool complete, SearchBudget budget)
    {
        const string name = "strict: F_nd(s) ∖ φ·F_nd(s′) ≠ ∅";
        if (!complete) return new SymmetryCondition(name, false, "not decided: F_nd(s′) was not completed within the budget.", Required: false);
        var nd = NonDominatedSearch.Run(mdp, state, 0.5, new NonDominatedSearchOptions { Budget = budget });
        int steps = 2 * mdp.StateCount;
        var images = new HashSet<string>(fnd.Select(f => f.ExactKey(steps, phi.Image)), StringComparer.Ordinal);
        foreach (var v in nd.Vertices)
            if (!images.Contains(v.Function.ExactKey(steps, null)))
                return new SymmetryCondition(name, true, $"{v.Function} is non-dominated from s and not a copy.", Required: false);
        return new SymmetryCondition(name, false, nd.IsComplete ? "every non-dominated function of s is a copy (φ·F_nd(s′) = F_nd(s))." : "not found within the budget.", Required: false);
    }
}

using PowerTheory.Budgets;
using PowerTheory.Mdps;

namespace PowerTheory.Symmetry;

public static partial class SymmetryFinder
{
    /// <summary>The most candidate involutions collected before choosing the largest compatible family.</summary>
    private const int MaxCandidates = 64;

    /// <summary>
    /// OPTSP Thm 6.13 / Cor 6.14 and their n-fold versions PRDM Thm D.11 / Cor D.12 at state s: with D' the RSDs of s
    /// supported inside <paramref name="avoided"/> (e.g. {e_x} for a terminal "shutdown" state x) and D = RSD(s) ∖ D',
    /// the largest family of involutions φ_1 … φ_n such that D contains n pairwise-disjoint copies of D' (PRDM Def. A.7),
    /// plus the orthogonality condition (D ∪ D' and RSD_nd(s) ∖ (D ∪ D') have disjoint supports). Then
    /// P(D', average) ≤ⁿ_most P(D, average): at least n/(n+1) of every reward orbit makes avoiding D' average-optimal.
    /// </summary>
    public static SymmetryCertificate AverageOptimalAvoidance(Mdp mdp, int state, IReadOnlyCollection<int> avoided,
        SearchBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(avoided);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        foreach (int x in avoided) MdpPreconditions.CheckState(mdp, x, nameof(avoided));
        budget ??= SearchBudget.Default;
        var meter = budget.Start();
        var names = mdp.StateNames;
        string s = names[state], avoidedNames = "{" + string.Join(", ", avoided.Select(x => names[x])) + "}";
        var (all, nonDominated, failure) = SetSources.Recurrent(mdp, state, SetEnumerationLimit, SetSources.SecondsWithin(budget));
        if (all is null || nonDominated is null)
            return NotCertified(mdp, "OPTSP Thm 6.13 / PRDM Thm D.11", $"average-optimal policies from {s} tend to avoid {avoidedNames}",
                $"RSD({s}) could not be enumerated: {failure}", meter.Outcome(), proved: false);
        var inside = Enumerable.Range(0, all.Count).Where(i => all.Support(i).All(avoided.Contains)).ToArray();
        var rest = Enumerable.Range(0, all.Count).Except(inside).ToArray();
        bool oneCycles = inside.All(i => all.Support(i).Length == 1);
        string theorem = oneCycles ? "OPTSP Cor 6.14 / PRDM Cor D.12" : "OPTSP Thm 6.13 / PRDM Thm D.11";
        var dPrime = all.Subset(inside, $"D' (RSDs of {s} inside {avoidedNames})");
        var d = all.Subset(rest, $"D = RSD({s}) ∖ D'");
        string statement = $"P(D', average) ≤ⁿ_most P(D, average) at {s}: at least n/(n+1) of every reward orbit makes avoiding {avoidedNames} average-optimal";
        if (inside.Length == 0)
            return NotCertified(mdp, theorem, statement, $"no RSD of {s} lies inside {avoidedNames}, so D' is empty", meter.Outcome(), proved: false);

        var candidates = new CopySearch(dPrime, d, (_, _) => true, meter).Run([], MaxCandidates);
        var images = candidates.Select(phi => Enumerable.Range(0, dPrime.Count).Select(k => d.IndexOfImage(phi, dPrime, k)).ToArray()).ToArray();
        bool Compatible(int i, int j) =>
            !images[i].Intersect(images[j]).Any()
            && images[j].All(k => images[j].Contains(d.IndexOfImage(candidates[i], d, k)))
            && images[i].All(k => images[i].Contains(d.IndexOfImage(candidates[j], d, k)));
        var best = LargestFamily(candidates.Count, Compatible, meter);
        var outcome = meter.Outcome();
        if (best.Count == 0)
        {
            bool proved = outcome.IsComplete;
            return NotCertified(mdp, theorem, statement,
                proved ? $"D = RSD({s}) ∖ D' contains no copy of D' (exhaustive search on RSD({s}))" : $"none found before the budget stopped the search ({outcome.Describe()})",
                outcome, proved);
        }
        var family = best.Select(i => candidates[i]).ToArray();
        var conditions = new List<SymmetryCondition>(CopyChecker.ContainsCopies(family, dPrime, d, requireDisjoint: true).Conditions);
        conditions.Add(Orthogonality(mdp, all, nonDominated));
        bool maximal = outcome.IsComplete && candidates.Count < MaxCandidates;
        conditions.Add(new SymmetryCondition($"n = {family.Length} is the largest found", maximal,
            maximal ? "largest family among all copies of D' in D (exhaustive)" : $"the search was cut (candidates capped at {MaxCandidates} or budget), a larger n may exist",
            Required: false));
        return new SymmetryCertificate(mdp, theorem, statement, family, conditions,
            $"enumerated sets: copies of D' in D on RSD({s}), then the largest pairwise-compatible family", outcome, false,
            $"certified with n = {family.Length}: at least {family.Length}/{family.Length + 1} of every orbit avoids {avoidedNames}");
    }

    /// <summary>D ∪ D' = RSD(s) here, so RSD_nd(s) ∖ (D ∪ D') is empty and orthogonality holds; checked all the same.</summary>
    private static SymmetryCondition Orthogonality(Mdp mdp, PermutableSet all, PermutableSet nonDominated)
    {
        var outside = Enumerable.Range(0, nonDominated.Count).Where(i => all.IndexOfImage(Permutation.Identity(mdp.StateCount), nonDominated, i) < 0).ToArray();
        var used = Enumerable.Range(0, all.Count).SelectMany(all.Support).ToHashSet();
        var clash = outside.SelectMany(nonDominated.Support).FirstOrDefault(used.Contains, -1);
        return new SymmetryCondition("D ∪ D' and RSD_nd ∖ (D ∪ D') are orthogonal", clash < 0,
            clash >= 0 ? $"both use state '{mdp.StateNames[clash]}'"
                : outside.Length == 0 ? "RSD_nd ∖ (D ∪ D') is empty" : "disjoint supports");
    }

    /// <summary>The largest set of pairwise-compatible candidates (a maximum clique, by budgeted backtracking).</summary>
    private static List<int> LargestFamily(int count, Func<int, int, bool> compatible, SearchMeter meter)
    {
        var best = new List<int>();
        var current = new List<int>();
        void Grow(int next)
        {
            if (current.Count > best.Count) best = [.. current];
            for (int i = next; i < count; i++)
            {
                if (current.Count + (count - i) <= best.Count || !meter.TryCount()) return;
                if (!current.All(j => compatible(i, j))) continue;
                current.Add(i);
                Grow(i + 1);
                current.RemoveAt(current.Count - 1);
            }
        }
        Grow(0);
        return best;
    }

    private static SymmetryCertificate NotCertified(Mdp mdp, string theorem, string statement, string why, SearchOutcome outcome, bool proved) =>
        new(mdp, theorem, statement, [], [new SymmetryCondition("copies found", false, why)], "enumerated sets", outcome, proved,
            $"not certified: {why}");
}

using PowerTheory.Budgets;
using PowerTheory.Symmetry;

namespace PowerTheory.Retargeting;

/// <summary>
/// A budgeted search for permutations φ_1, …, φ_n that make the orbit of θ (Θ, A →ⁿ B)-retargetable (PRDM Def. 3.5;
/// docs/theory.md §3.2), with n as large as it can certify.
/// <list type="number">
/// <item>Enumerate Orbit_Θ(θ) (one node per element), keeping the A-wins part; U = ⌊#(B&gt;A)/#(A&gt;B)⌋ bounds n.</item>
/// <item>Try candidates of the chosen <see cref="RetargeterClass"/> (transpositions first): a candidate is kept when it
/// satisfies conditions 1 and 2 on every A-wins element (one node per image).</item>
/// <item>Condition 3 is pairwise: two kept candidates are compatible when their image sets are disjoint. The largest
/// set of pairwise compatible candidates is a maximum clique, found by branch and bound (one node per branch and per
/// image looked up), stopping as soon as it reaches U.</item>
/// </list>
/// The answer is re-checked by <see cref="RetargetabilityChecker"/>. Memory is proportional to the nodes visited. The
/// outcome is complete when the orbit was enumerated and every candidate and combination was decided (or U was reached,
/// which proves n maximal).
/// </summary>
public static class RetargeterSearch
{
    /// <summary>Searches.</summary>
    public static RetargeterSearchResult Find(RetargetingQuestion question, IReadOnlyList<double> theta, SearchBudget budget,
        RetargeterClass candidates = RetargeterClass.Involutions)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(budget);
        var values = OrbitCounter.CheckTheta(question, theta);
        var meter = budget.Start();
        var split = OrbitSplit.Enumerate(question, values, meter);
        if (!split.IsComplete)
            return new RetargeterSearchResult(question, values, candidates, [], false, null, 0, 0, null, meter.Outcome());
        if (split.AWinsElements.Count == 0)
            return new RetargeterSearchResult(question, values, candidates, [], true, null, 0, 0, null, meter.Outcome());
        long upper = split.BWins / split.AWinsElements.Count;
        var kept = new List<(Permutation Phi, HashSet<double[]> Images)>();
        long tried = 0;
        List<int> best = [];
        if (upper > 0)
        {
            foreach (var phi in Candidates(question.Dimension, candidates))
            {
                if (meter.Exhausted) break;
                tried++;
                var images = Retargets(question, split.AWinsElements, phi, meter);
                if (images is null) continue;
                kept.Add((phi, images));
                if (best.Count < upper) best = MaximumClique(kept, best, (int)Math.Min(upper, int.MaxValue), meter);
                if (best.Count >= upper) break;
            }
        }
        var chosen = best.Select(i => kept[i].Phi).ToArray();
        var outcome = meter.Outcome();
        RetargetabilityReport? certificate = chosen.Length == 0 ? null
            : RetargetabilityChecker.Check(question, values, chosen, new SearchBudget(budget.MaxNodes, budget.MaxSeconds));
        return new RetargeterSearchResult(question, values, candidates, chosen, false, upper, tried, kept.Count, certificate, outcome);
    }

    /// <summary>The image set φ·Orbit_{A&gt;B} when φ satisfies conditions 1 and 2 on it; otherwise (or out of budget) null.</summary>
    private static HashSet<double[]>? Retargets(RetargetingQuestion question, List<double[]> aWins, Permutation phi, SearchMeter meter)
    {
        var images = new HashSet<double[]>(VectorComparer.Instance);
        foreach (var thetaA in aWins)
        {
            if (!meter.TryCount()) return null;
            var image = phi.Apply(thetaA);
            if (!question.InTheta(image) || question.Compare(image) <= 0) return null;
            images.Add(image);
        }
        return images;
    }

    /// <summary>A largest clique of pairwise-disjoint image sets that improves on <paramref name="incumbent"/>, branch and
    /// bound over the kept candidates (the newest one must be in any improvement, since the rest were searched before).</summary>
    private static List<int> MaximumClique(List<(Permutation Phi, HashSet<double[]> Images)> kept, List<int> incumbent,
        int upper, SearchMeter meter)
    {
        int newest = kept.Count - 1;
        var neighbours = new List<int>();
        for (int i = 0; i < newest; i++)
            if (Disjoint(kept[i].Images, kept[newest].Images, meter)) neighbours.Add(i);
            else if (meter.Exhausted) return incumbent;
        var best = incumbent;
        var current = new List<int> { newest };
        void Expand(List<int> pool)
        {
            if (best.Count >= upper || !meter.TryCount()) return;
            if (current.Count > best.Count) best = [.. current];
            for (int k = 0; k < pool.Count; k++)
            {
                if (current.Count + pool.Count - k <= best.Count) return;
                int v = pool[k];
                var next = new List<int>();
                for (int m = k + 1; m < pool.Count; m++)
                    if (Disjoint(kept[v].Images, kept[pool[m]].Images, meter)) next.Add(pool[m]);
                    else if (meter.Exhausted) return;
                current.Add(v);
                Expand(next);
                current.RemoveAt(current.Count - 1);
                if (best.Count >= upper || meter.Exhausted) return;
            }
        }
        Expand(neighbours);
        return best;
    }

    private static bool Disjoint(HashSet<double[]> first, HashSet<double[]> second, SearchMeter meter)
    {
        foreach (var x in first)
        {
            if (!meter.TryCount()) return false;
            if (second.Contains(x)) return false;
        }
        return true;
    }

    /// <summary>The candidates of a class, in search order.</summary>
    internal static IEnumerable<Permutation> Candidates(int d, RetargeterClass candidates)
    {
        int maxPairs = candidates == RetargeterClass.Transpositions ? 1 : d / 2;
        for (int pairs = 1; pairs <= maxPairs; pairs++)
            foreach (var matching in Matchings(d, pairs, 0, new bool[d], []))
                yield return Permutation.FromTranspositions(d, matching);
        if (candidates != RetargeterClass.AllPermutations) yield break;
        var image = Enumerable.Range(0, d).ToArray();
        while (MultisetPermutations.Next(image))
        {
            var phi = Permutation.FromImage(image);
            if (!phi.IsInvolution) yield return phi;
        }
    }

    private static IEnumerable<List<(int, int)>> Matchings(int d, int pairs, int from, bool[] used, List<(int, int)> current)
    {
        if (current.Count == pairs)
        {
            yield return [.. current];
            yield break;
        }
        for (int i = from; i < d; i++)
        {
            if (used[i]) continue;
            used[i] = true;
            for (int j = i + 1; j < d; j++)
            {
                if (used[j]) continue;
                used[j] = true;
                current.Add((i, j));
                foreach (var m in Matchings(d, pairs, i + 1, used, current)) yield return m;
                current.RemoveAt(current.Count - 1);
                used[j] = false;
            }
            used[i] = false;
        }
    }
}

using System.Globalization;
using PowerTheory.Budgets;
using PowerTheory.Symmetry;

namespace PowerTheory.Retargeting;

/// <summary>
/// Checks PRDM Def. 3.5 (docs/theory.md §3.2) on the orbit of θ for candidate permutations φ_1, …, φ_n acting on the d
/// coordinates (θ ↦ P_φ θ, <see cref="Permutation.Apply(ReadOnlySpan{double})"/>): for every θ^A ∈ Orbit_{Θ,A&gt;B}(θ),
/// (1) f(B|φ_i·θ^A) &gt; f(A|φ_i·θ^A), (2) φ_i·θ^A ∈ Θ, (3) φ_i·θ^A ≠ φ_j·θ′ for i ≠ j and θ′ ∈ Orbit_{Θ,A&gt;B}(θ).
/// The orbit is enumerated (one node per element) and each image costs one node; when the orbit does not fit the
/// budget, every condition is undecided.
/// </summary>
public static class RetargetabilityChecker
{
    /// <summary>The statements of the three conditions.</summary>
    public static readonly IReadOnlyList<string> Statements =
    [
        "every phi_i . theta^A has f(B) > f(A) (retargets)",
        "every phi_i . theta^A lies in Theta",
        "phi_i . theta^A != phi_j . theta' for i != j and all theta^A, theta' with f(A) > f(B) (distinct images)",
    ];

    /// <summary>Checks the three conditions.</summary>
    /// <exception cref="ArgumentException">θ is malformed, or φ_i acts on a different number of coordinates (i named).</exception>
    public static RetargetabilityReport Check(RetargetingQuestion question, IReadOnlyList<double> theta,
        IReadOnlyList<Permutation> retargeters, SearchBudget budget)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retargeters);
        ArgumentNullException.ThrowIfNull(budget);
        var values = OrbitCounter.CheckTheta(question, theta);
        for (int i = 0; i < retargeters.Count; i++)
            if (retargeters[i] is null || retargeters[i].Size != question.Dimension)
                throw new ArgumentException(
                    $"phi_{i + 1} acts on {retargeters[i]?.Size ?? 0} coordinates; expected d = {question.Dimension}.", nameof(retargeters));
        var meter = budget.Start();
        var split = OrbitSplit.Enumerate(question, values, meter);
        var phis = retargeters.ToArray();
        if (!split.IsComplete)
        {
            string why = split.OrbitSize is { } s && s <= budget.MaxNodes
                ? "the budget ran out while enumerating the orbit"
                : $"the orbit has {(split.OrbitSize?.ToString(CultureInfo.InvariantCulture) ?? "more than 2^63")} elements, over the node budget {budget.MaxNodes}";
            return Report(question, values, phis, split, Undecided(why), meter);
        }
        string? fail1 = null, fail2 = null, fail3 = null;
        var owner = new Dictionary<double[], (int Index, double[] Source)>(VectorComparer.Instance);
        foreach (var thetaA in split.AWinsElements)
        {
            for (int i = 0; i < phis.Length; i++)
            {
                if (!meter.TryCount())
                    return Report(question, values, phis, split, Undecided("the budget ran out while checking the images"), meter);
                var image = phis[i].Apply(thetaA);
                string where = $"phi_{i + 1} = {phis[i]} maps theta^A = {OrbitSplit.Format(thetaA)} to {OrbitSplit.Format(image)}";
                if (!question.InTheta(image)) fail2 ??= where + ", which is outside Theta";
                int sign = question.Compare(image);
                if (sign <= 0) fail1 ??= where + $", where f(B) {(sign == 0 ? "=" : "<")} f(A)";
                if (owner.TryGetValue(image, out var earlier) && earlier.Index != i)
                    fail3 ??= where + $", which phi_{earlier.Index + 1} = {phis[earlier.Index]} also reaches from {OrbitSplit.Format(earlier.Source)}";
                else owner.TryAdd(image, (i, thetaA));
            }
        }
        string all = $"all {split.AWinsElements.Count} orbit elements with f(A) > f(B), n = {phis.Length}";
        var checks = new[]
        {
            Check(1, fail1, all), Check(2, fail2, all), Check(3, fail3, all),
        };
        return Report(question, values, phis, split, checks, meter);
    }

    private static ConditionCheck Check(int number, string? failure, string all) => failure is null
        ? new ConditionCheck(number, Statements[number - 1], ConditionVerdict.Holds, "holds on " + all)
        : new ConditionCheck(number, Statements[number - 1], ConditionVerdict.Fails, failure);

    private static ConditionCheck[] Undecided(string why) =>
        [.. Enumerable.Range(1, 3).Select(k => new ConditionCheck(k, Statements[k - 1], ConditionVerdict.Undecided, why))];

    private static RetargetabilityReport Report(RetargetingQuestion question, double[] theta, Permutation[] phis,
        OrbitSplit split, ConditionCheck[] checks, SearchMeter meter) =>
        new(question, theta, phis, split.OrbitSize, split.AWinsElements.Count, checks, meter.Outcome());
}

using System.Globalization;
using PowerTheory.Retargeting;

namespace PowerTheory.Cli.Common;

/// <summary>The human-readable text of <c>powertheory orbit</c>.</summary>
public static class OrbitText
{
    /// <summary>Writes the orbit counts and, when given, the retargeter search.</summary>
    public static void Write(TextWriter output, OrbitCountResult result, RetargeterSearchResult? search, RetargetabilityReport? check = null)
    {
        WriteCounts(output, result, search);
        if (check is null) return;
        output.WriteLine();
        output.WriteLine($"check of the given permutations ({string.Join(", ", check.Retargeters.Select((p, i) => $"phi_{i + 1} = {p}"))}): " +
            (check.Holds ? $"(A ->{check.N} B)-retargetable at this theta" : "NOT certified"));
        foreach (var c in check.Conditions)
            output.WriteLine(ConditionLine(c));
    }

    private static void WriteCounts(TextWriter output, OrbitCountResult result, RetargeterSearchResult? search)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var q = result.Question;
        string Count(long x) => x.ToString(CultureInfo.InvariantCulture);
        output.WriteLine($"theta = ({string.Join(", ", result.Theta.Select(Numbers.Human))}), rule {q.Rule.Name}, A = {q.A}, B = {q.B}, C = {q.Options}");
        string size = result.OrbitSize is { } s ? Count(s) : "more than 2^63";
        output.WriteLine(result.IsExact
            ? $"orbit: {size} distinct permutations, all enumerated (exact)"
            : result.Method == OrbitCountMethod.Enumerated
                ? $"orbit: {size} distinct permutations, PARTIAL enumeration of {Count(result.Examined)} in lexicographic order ({result.Outcome.Describe()})"
                : $"orbit: {size} distinct permutations, SAMPLED: {Count(result.Examined)} uniform random permutations, seed {result.Sampling!.Seed} ({Sampled(result)})");
        output.WriteLine($"  f(B) > f(A): {Count(result.BWins)}{Interval(result.BWinsInterval)}");
        output.WriteLine($"  f(B) < f(A): {Count(result.AWins)}{Interval(result.AWinsInterval)}");
        output.WriteLine($"  f(B) = f(A): {Count(result.Ties)}{Interval(result.TiesInterval)}");
        string qualifier = result.IsExact ? "" : " (from the counted elements; an estimate, not a proof)";
        output.WriteLine(result.LargestN is { } n
            ? $"largest n with #(B>A) >= n*#(A>B): {Count(n)}, fraction n/(n+1) = {Numbers.Human(result.ImpliedFraction)}{qualifier}"
            : $"largest n with #(B>A) >= n*#(A>B): unbounded (no element has f(A) > f(B)){qualifier}");
        if (result.Counted > 0)
            output.WriteLine(result.WeakInterval is null
                ? $"measured share with f(B) >= f(A): {Numbers.Human(result.WeakFraction)}"
                : $"measured share with f(B) >= f(A):{Interval(result.WeakInterval)}");
        if (search is null) return;
        output.WriteLine();
        string status = !search.Outcome.IsComplete ? search.Outcome.Describe()
            : string.Create(CultureInfo.InvariantCulture, $"finished after {search.Outcome.Nodes} nodes");
        output.WriteLine($"retargetability search over {search.Candidates.ToString().ToLowerInvariant()} ({status}):");
        if (search.IsUnbounded)
        {
            output.WriteLine("  no orbit element has f(A) > f(B): (A ->n B)-retargetable for every n (vacuously)");
            return;
        }
        if (search.UpperBound is null)
        {
            output.WriteLine("  the orbit could not be enumerated within the budget: nothing certified");
            return;
        }
        output.WriteLine($"  certified n = {search.N}{(search.N > 0 ? " via " + string.Join(", ", search.Retargeters.Select((p, i) => $"phi_{i + 1} = {p}")) : "")}");
        output.WriteLine($"  counting bound: n <= {Count(search.UpperBound.Value)}; {(search.IsProvedMaximal ? "n is proved maximal" : search.Outcome.IsComplete ? "larger n not found among these candidates" : "search stopped by its budget")}");
        foreach (var c in search.Certificate?.Conditions ?? [])
            output.WriteLine(ConditionLine(c));
    }

    private static string ConditionLine(ConditionCheck c) =>
        $"  [{(c.Verdict == ConditionVerdict.Holds ? "ok" : c.Verdict == ConditionVerdict.Fails ? "FAIL" : "?")}] ({c.Number}) {c.Statement}: {c.Detail}";

    private static string Sampled(OrbitCountResult result) => result.Outcome.IsComplete
        ? "all requested samples drawn"
        : result.Outcome.Describe().Replace("stopped at the", "sampling stopped at the", StringComparison.Ordinal);

    private static string Interval(ProportionInterval? interval) => interval is null ? ""
        : $"  (share {Numbers.Human(interval.Estimate)}, {interval.Confidence * 100:0.#}% {ProportionInterval.Method} [{Numbers.Human(interval.Lower)}, {Numbers.Human(interval.Upper)}])";
}

using System.Text.Json;
using System.Text.Json.Serialization;
using PowerTheory.Retargeting;

namespace PowerTheory.IO.Json;

/// <summary>
/// Writes orbit counts (<see cref="OrbitCountResult"/>) and, optionally, a retargeter search
/// (<see cref="RetargeterSearchResult"/>) in the machine-readable format of docs/cli.md (<c>powertheory orbit --format json</c>):
/// <c>{"theta":[..],"rule":"optimal","options":[..],"a":[..],"b":[..],"thetaSet":"R^d",,"method":"enumerated"|"sampled","exact":b,
/// "orbitSize":N|null,"examined":k,"outsideTheta":k,"counts":{"bGreater":x,"aGreater":y,"ties":z},"largestN":n|null,
/// "largestNUnbounded":b,"impliedFraction":p,"weakFraction":p,"intervals":{..}|null,"seed":K|null,"budget":{..}}</c>.
/// <c>largestN</c> is null exactly when it is unbounded (no element with f(A) &gt; f(B)). Doubles are written in
/// round-trip form; wall-clock times are left out so the output is stable from run to run.
/// </summary>
public static class OrbitReportJson
{
    /// <summary>The JSON text.</summary>
    public static string ToJson(OrbitCountResult result, RetargeterSearchResult? search = null, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ResultJson.Text(OrbitReportContract.From(result, search, null), ResultJsonContext.Default.OrbitReportContract, indented);
    }

    /// <summary>Writes the object to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, OrbitCountResult result, RetargeterSearchResult? search = null,
        RetargetabilityReport? check = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(writer, OrbitReportContract.From(result, search, check), ResultJsonContext.Default.OrbitReportContract);
    }
}

/// <summary>The object <see cref="OrbitReportJson"/> documents; <c>retargeting</c> and <c>check</c> appear when asked for.</summary>
internal sealed record OrbitReportContract(
    IReadOnlyList<double> Theta, string Rule, List<LotteryContract> Options, List<string> A, List<string> B, string ThetaSet,
    string Method, bool Exact, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? OrbitSize,
    long Examined, long OutsideTheta, OrbitCountsContract Counts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? LargestN, bool LargestNUnbounded, double ImpliedFraction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? WeakFraction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] OrbitIntervalsContract? Intervals,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seed,
    OrbitBudgetContract Budget, RetargetingContract? Retargeting, RetargetabilityCheckContract? Check)
{
    public static OrbitReportContract From(OrbitCountResult r, RetargeterSearchResult? search, RetargetabilityReport? check)
    {
        var q = r.Question;
        return new OrbitReportContract(
            r.Theta.ToList(), q.Rule.Name, q.Options.Items.Select(x => new LotteryContract(x.Label, x.Vector.ToList())).ToList(),
            q.A.Items.Select(x => x.Label).ToList(), q.B.Items.Select(x => x.Label).ToList(), q.ThetaName,
            r.Method == OrbitCountMethod.Enumerated ? "enumerated" : "sampled", r.IsExact, r.OrbitSize, r.Examined, r.OutsideTheta,
            new OrbitCountsContract(r.BWins, r.AWins, r.Ties), r.LargestN, r.LargestN is null, r.ImpliedFraction,
            r.Counted > 0 ? r.WeakFraction : null, OrbitIntervalsContract.From(r), r.Sampling?.Seed,
            OrbitBudgetContract.From(r.Outcome), search is null ? null : RetargetingContract.From(search),
            check is null ? null : RetargetabilityCheckContract.From(check));
    }
}

/// <summary>One lottery: its label and its outcome vector.</summary>
internal sealed record LotteryContract(string Label, List<double> Vector);

/// <summary>How many orbit elements favour B, favour A, or tie.</summary>
internal sealed record OrbitCountsContract(long BGreater, long AGreater, long Ties);

/// <summary>Confidence intervals of the sampled proportions.</summary>
internal sealed record OrbitIntervalsContract(
    string Method, double Confidence, ProportionContract BGreater, ProportionContract AGreater, ProportionContract Ties, ProportionContract Weak)
{
    public static OrbitIntervalsContract? From(OrbitCountResult r) =>
        r.BWinsInterval is { } bi && r.AWinsInterval is { } ai && r.TiesInterval is { } ti && r.WeakInterval is { } wi
            ? new OrbitIntervalsContract(ProportionInterval.Method, bi.Confidence, ProportionContract.From(bi),
                ProportionContract.From(ai), ProportionContract.From(ti), ProportionContract.From(wi))
            : null;
}

/// <summary>A proportion's estimate and interval.</summary>
internal sealed record ProportionContract(double Estimate, double Lower, double Upper)
{
    public static ProportionContract From(ProportionInterval i) => new(i.Estimate, i.Lower, i.Upper);
}

/// <summary>The orbit layer's budget member: <c>{"complete","stop","nodes","maxNodes","maxSeconds"|null}</c>, with the
/// stable stop tokens every search writes.</summary>
internal sealed record OrbitBudgetContract(
    bool Complete, string Stop, long Nodes, long MaxNodes, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? MaxSeconds)
{
    public static OrbitBudgetContract From(Budgets.SearchOutcome o) => new(o.IsComplete, o.StopName, o.Nodes, o.Budget.MaxNodes,
        SearchBudgetContract.SecondsOrNull(o.Budget));
}

/// <summary>One condition of PRDM Def. 3.5: number, statement, verdict and detail.</summary>
internal sealed record RetargetingConditionContract(int Number, string Statement, string Verdict, string Detail)
{
    public static List<RetargetingConditionContract> List(IEnumerable<ConditionCheck> conditions) =>
        conditions.Select(c => new RetargetingConditionContract(c.Number, c.Statement, c.Verdict.ToString().ToLowerInvariant(), c.Detail)).ToList();
}

/// <summary>The <c>retargeting</c> member: the search for permutations certifying (A →n B)-retargetability.</summary>
internal sealed record RetargetingContract(
    string Candidates, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? N, bool Unbounded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? UpperBound, bool ProvedMaximal, List<string> Permutations,
    long CandidatesTried, long ValidCandidates, List<RetargetingConditionContract> Conditions, OrbitBudgetContract Budget)
{
    public static RetargetingContract From(RetargeterSearchResult s) => new(
        s.Candidates.ToString(), s.IsUnbounded ? null : s.N, s.IsUnbounded, s.UpperBound, s.IsProvedMaximal,
        s.Retargeters.Select(phi => phi.ToString()).ToList(), s.CandidatesTried, s.ValidCandidates,
        RetargetingConditionContract.List(s.Certificate?.Conditions ?? []), OrbitBudgetContract.From(s.Outcome));
}

/// <summary>The <c>check</c> member: the given permutations, the verdict and the three conditions of Def. 3.5.</summary>
internal sealed record RetargetabilityCheckContract(
    List<string> Retargeters, int N, bool Holds, List<RetargetingConditionContract> Conditions, OrbitBudgetContract Budget)
{
    public static RetargetabilityCheckContract From(RetargetabilityReport c) => new(
        c.Retargeters.Select(phi => phi.ToString()).ToList(), c.N, c.Holds, RetargetingConditionContract.List(c.Conditions),
        OrbitBudgetContract.From(c.Outcome));
}

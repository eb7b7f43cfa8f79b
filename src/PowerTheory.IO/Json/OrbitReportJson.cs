using System.Text;
using System.Text.Json;
using PowerTheory.Budgets;
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
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            Write(writer, result, search);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the object to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, OrbitCountResult result, RetargeterSearchResult? search = null,
        RetargetabilityReport? check = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var q = result.Question;
        var w = writer;
        w.WriteStartObject();
        WriteNumbers(w, "theta", result.Theta);
        w.WriteString("rule", q.Rule.Name);
        w.WriteStartArray("options");
        foreach (var x in q.Options.Items)
        {
            w.WriteStartObject();
            w.WriteString("label", x.Label);
            WriteNumbers(w, "vector", x.Vector);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteLabels(w, "a", q.A);
        WriteLabels(w, "b", q.B);
        w.WriteString("thetaSet", q.ThetaName);
        w.WriteString("method", result.Method == OrbitCountMethod.Enumerated ? "enumerated" : "sampled");
        w.WriteBoolean("exact", result.IsExact);
        if (result.OrbitSize is { } size) w.WriteNumber("orbitSize", size);
        else w.WriteNull("orbitSize");
        w.WriteNumber("examined", result.Examined);
        w.WriteNumber("outsideTheta", result.OutsideTheta);
        w.WriteStartObject("counts");
        w.WriteNumber("bGreater", result.BWins);
        w.WriteNumber("aGreater", result.AWins);
        w.WriteNumber("ties", result.Ties);
        w.WriteEndObject();
        if (result.LargestN is { } n) w.WriteNumber("largestN", n);
        else w.WriteNull("largestN");
        w.WriteBoolean("largestNUnbounded", result.LargestN is null);
        w.WriteNumber("impliedFraction", result.ImpliedFraction);
        if (result.Counted > 0) w.WriteNumber("weakFraction", result.WeakFraction);
        else w.WriteNull("weakFraction");
        if (result.BWinsInterval is { } bi && result.AWinsInterval is { } ai && result.TiesInterval is { } ti && result.WeakInterval is { } wi)
        {
            w.WriteStartObject("intervals");
            w.WriteString("method", ProportionInterval.Method);
            w.WriteNumber("confidence", bi.Confidence);
            WriteInterval(w, "bGreater", bi);
            WriteInterval(w, "aGreater", ai);
            WriteInterval(w, "ties", ti);
            WriteInterval(w, "weak", wi);
            w.WriteEndObject();
        }
        else w.WriteNull("intervals");
        if (result.Sampling is { } s) w.WriteNumber("seed", s.Seed);
        else w.WriteNull("seed");
        WriteOutcome(w, "budget", result.Outcome);
        if (search is not null) WriteSearch(w, search);
        if (check is not null) WriteCheck(w, check);
        w.WriteEndObject();
    }

    private static void WriteSearch(Utf8JsonWriter w, RetargeterSearchResult search)
    {
        w.WriteStartObject("retargeting");
        w.WriteString("candidates", search.Candidates.ToString());
        if (search.IsUnbounded) w.WriteNull("n");
        else w.WriteNumber("n", search.N);
        w.WriteBoolean("unbounded", search.IsUnbounded);
        if (search.UpperBound is { } ub) w.WriteNumber("upperBound", ub);
        else w.WriteNull("upperBound");
        w.WriteBoolean("provedMaximal", search.IsProvedMaximal);
        w.WriteStartArray("permutations");
        foreach (var phi in search.Retargeters) w.WriteStringValue(phi.ToString());
        w.WriteEndArray();
        w.WriteNumber("candidatesTried", search.CandidatesTried);
        w.WriteNumber("validCandidates", search.ValidCandidates);
        WriteConditions(w, search.Certificate?.Conditions ?? []);
        WriteOutcome(w, "budget", search.Outcome);
        w.WriteEndObject();
    }

    /// <summary>The <c>check</c> member: the given permutations, the verdict and the three conditions of Def. 3.5.</summary>
    private static void WriteCheck(Utf8JsonWriter w, RetargetabilityReport check)
    {
        w.WriteStartObject("check");
        w.WriteStartArray("retargeters");
        foreach (var phi in check.Retargeters) w.WriteStringValue(phi.ToString());
        w.WriteEndArray();
        w.WriteNumber("n", check.N);
        w.WriteBoolean("holds", check.Holds);
        WriteConditions(w, check.Conditions);
        WriteOutcome(w, "budget", check.Outcome);
        w.WriteEndObject();
    }

    /// <summary>The <c>conditions</c> array of Def. 3.5: number, statement, verdict and detail of each.</summary>
    private static void WriteConditions(Utf8JsonWriter w, IEnumerable<ConditionCheck> conditions)
    {
        w.WriteStartArray("conditions");
        foreach (var c in conditions)
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteString("statement", c.Statement);
            w.WriteString("verdict", c.Verdict.ToString().ToLowerInvariant());
            w.WriteString("detail", c.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteOutcome(Utf8JsonWriter w, string name, SearchOutcome outcome)
    {
        w.WriteStartObject(name);
        w.WriteBoolean("complete", outcome.IsComplete);
        w.WriteString("stop", outcome.StopName); // the stable tokens every search writes (a result-size stop was "time budget")
        w.WriteNumber("nodes", outcome.Nodes);
        w.WriteNumber("maxNodes", outcome.Budget.MaxNodes);
        if (double.IsPositiveInfinity(outcome.Budget.MaxSeconds)) w.WriteNull("maxSeconds");
        else w.WriteNumber("maxSeconds", outcome.Budget.MaxSeconds);
        w.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter w, string name, ProportionInterval interval)
    {
        w.WriteStartObject(name);
        w.WriteNumber("estimate", interval.Estimate);
        w.WriteNumber("lower", interval.Lower);
        w.WriteNumber("upper", interval.Upper);
        w.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void WriteLabels(Utf8JsonWriter w, string name, LotterySet set)
    {
        w.WriteStartArray(name);
        foreach (var x in set.Items) w.WriteStringValue(x.Label);
        w.WriteEndArray();
    }
}

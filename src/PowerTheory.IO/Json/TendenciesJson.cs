using System.Text.Json;
using PowerTheory.DecisionMakers;
using PowerTheory.Power;
using PowerTheory.MonteCarlo;

namespace PowerTheory.IO.Json;

/// <summary>
/// Writes a <see cref="TendencyResult"/> (<c>powertheory tendencies --format json</c>, docs/cli.md):
/// <c>{"mdp":…,"state":"s","gamma":G,"samples":N,"seed":K,"reward":"…","avoid":[…],"tendency":"…","favouredAction":"a",
/// "significance":{"test","comparisons","familyWiseErrorRate","criticalZ"},
/// "certificates":[{"theorem","statement","n","bound","summary"}],"optimal":{…},"random":{…},"decisionMakers":[{…}]}</c>,
/// each decision-maker as <c>{"name","description","verdict","verdictText","samplesNeeded","approximations","approximationNote",
/// "actions":[{"action","probability","stderr","versusOptimal","versusOptimalStderr","versusRandom","versusRandomStderr"}],
/// "avoid":{"probability","stderr","versusOptimal",…},"power":[{"state","power","stderr"}]}</c>. Doubles in round-trip form.
/// </summary>
public static class TendenciesJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(TendencyResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Of(w => Write(w, result), indented);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="w"/>.</summary>
    public static void Write(Utf8JsonWriter w, TendencyResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        w.WriteStartObject();
        if (result.MdpName is not null) w.WriteString("mdp", result.MdpName);
        w.WriteString("state", result.StateNames[result.State]);
        w.WriteNumber("gamma", result.Gamma);
        w.WriteNumber("samples", result.Samples);
        TimeLimitJson.Write(w, result.StoppedAtTimeLimit, result.SamplesRequested);
        DegradationsJson.Write(w, result.Degradations);
        w.WriteNumber("seed", result.Seed);
        w.WriteString("reward", result.Rewards);
        w.WriteStartArray("avoid");
        foreach (int t in result.Avoid) w.WriteStringValue(result.StateNames[t]);
        w.WriteEndArray();
        w.WriteString("tendency", result.Tendency);
        w.WriteString("favouredAction", result.ActionNames[result.FavouredAction]);
        w.WriteStartObject("significance");
        w.WriteString("test", "two-sided paired z-test, Bonferroni");
        w.WriteNumber("comparisons", result.Significance.Comparisons);
        w.WriteNumber("familyWiseErrorRate", result.Significance.FamilyWiseErrorRate);
        w.WriteNumber("criticalZ", result.Significance.CriticalZ);
        w.WriteEndObject();
        w.WriteStartArray("certificates");
        foreach (var c in result.Certificates)
        {
            w.WriteStartObject();
            w.WriteString("theorem", c.Theorem);
            w.WriteString("statement", c.Statement);
            w.WriteNumber("n", c.N);
            if (c.Bound is { } b) w.WriteNumber("bound", b); else w.WriteNull("bound");
            w.WriteString("summary", c.Summary);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("optimal");
        WriteOne(w, result, result.Optimal);
        w.WritePropertyName("random");
        WriteOne(w, result, result.Random);
        w.WriteStartArray("decisionMakers");
        foreach (var t in result.DecisionMakers) WriteOne(w, result, t);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOne(Utf8JsonWriter w, TendencyResult result, DecisionMakerTendency t)
    {
        w.WriteStartObject();
        w.WriteString("name", t.Name);
        w.WriteString("description", t.Description);
        w.WriteString("verdict", t.Verdict.ToString());
        w.WriteString("verdictText", t.VerdictText);
        if (t.SamplesNeeded is { } needed) w.WriteNumber("samplesNeeded", needed);
        else w.WriteNull("samplesNeeded");
        w.WriteNumber("approximations", t.Approximations);
        if (t.ApproximationNote is { } note) w.WriteString("approximationNote", note);
        w.WriteStartArray("actions");
        for (int a = 0; a < t.ActionProbabilities.Count; a++)
        {
            w.WriteStartObject();
            w.WriteString("action", result.ActionNames[a]);
            Estimate(w, "probability", t.ActionProbabilities[a]);
            Estimate(w, "versusOptimal", t.ActionsVersusOptimal[a]);
            Estimate(w, "versusRandom", t.ActionsVersusRandom[a]);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (t.Avoid is { } avoid)
        {
            w.WriteStartObject("avoid");
            Estimate(w, "probability", avoid);
            Estimate(w, "versusOptimal", t.AvoidVersusOptimal!.Value);
            Estimate(w, "versusRandom", t.AvoidVersusRandom!.Value);
            w.WriteEndObject();
        }
        if (t.Power is { } power)
        {
            w.WriteStartArray("power");
            for (int s = 0; s < power.Count; s++)
            {
                w.WriteStartObject();
                w.WriteString("state", result.StateNames[s]);
                Estimate(w, "power", power[s]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Estimate(Utf8JsonWriter w, string name, MonteCarloEstimate e)
    {
        w.WriteNumber(name, e.Mean);
        w.WriteNumber(name + "Stderr", e.StandardError);
    }
}

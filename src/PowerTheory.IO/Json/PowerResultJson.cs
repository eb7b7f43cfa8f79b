using System.Text.Json;
using PowerTheory.Power;

namespace PowerTheory.IO.Json;

/// <summary>
/// Writes a <see cref="PowerResult"/> in the machine-readable format of docs/cli.md (<c>powertheory power --format json</c>):
/// per γ an object
/// <c>{"gamma":G,"samples":N,"seed":K,"reward":"...","states":[{"state":"s0","power":P,"stderr":E,"ci95":[lo,hi]}],
/// "actions":[{"state":"s0","action":"a","optimalityProbability":p,"stderr":e}]}</c>, a single object for one γ and a
/// JSON array of objects for several. Requested comparisons and events are added as <c>"comparisons"</c> and
/// <c>"events"</c> arrays when present; doubles are written in round-trip form.
/// </summary>
public static class PowerResultJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(PowerResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonText.Of(w => Write(w, result), indented);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, PowerResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (result.ByGamma.Count == 1)
        {
            WriteOne(writer, result, result.ByGamma[0]);
            return;
        }
        writer.WriteStartArray();
        foreach (var at in result.ByGamma) WriteOne(writer, result, at);
        writer.WriteEndArray();
    }

    /// <summary><c>"certification":{"maxValueErrorBound":E,"target":t,"refinedSamples":k,"nearTies":m,"uncertifiedSamples":u}</c>
    /// when the run's solves were certified (γ ∈ (0,1) on the exact path).</summary>
    private static void WriteCertification(Utf8JsonWriter w, Solvers.SolveCertification c)
    {
        if (c.Solves == 0) return;
        w.WriteStartObject("certification");
        w.WriteNumber("maxValueErrorBound", c.MaxValueErrorBound);
        w.WriteNumber("target", c.Target);
        w.WriteNumber("refinedSamples", c.Refinements);
        w.WriteNumber("nearTies", c.NearTies);
        w.WriteNumber("uncertifiedSamples", c.Uncertified);
        w.WriteEndObject();
    }

    private static void WriteOne(Utf8JsonWriter w, PowerResult result, PowerAtDiscount at)
    {
        w.WriteStartObject();
        w.WriteNumber("gamma", at.Gamma);
        w.WriteNumber("samples", result.Samples);
        TimeLimitJson.Write(w, result.StoppedAtTimeLimit, result.SamplesRequested);
        DegradationsJson.Write(w, result.Degradations);
        w.WriteNumber("seed", result.Seed);
        w.WriteString("reward", result.RewardSpec);
        WriteCertification(w, at.Certification);
        w.WriteStartArray("states");
        foreach (var s in at.States)
        {
            w.WriteStartObject();
            w.WriteString("state", s.Name);
            w.WriteNumber("power", s.Power.Mean);
            w.WriteNumber("stderr", s.Power.StandardError);
            w.WriteStartArray("ci95");
            w.WriteNumberValue(s.Power.Ci95Lower);
            w.WriteNumberValue(s.Power.Ci95Upper);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("actions");
        foreach (var a in at.Actions)
        {
            w.WriteStartObject();
            w.WriteString("state", a.StateName);
            w.WriteString("action", a.ActionName);
            w.WriteNumber("optimalityProbability", a.Probability.Mean);
            w.WriteNumber("stderr", a.Probability.StandardError);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (at.Comparisons.Count > 0)
        {
            w.WriteStartArray("comparisons");
            foreach (var c in at.Comparisons)
            {
                w.WriteStartObject();
                w.WriteString("state", c.StateName);
                w.WriteString("action", c.ActionName);
                w.WriteString("versus", c.OtherActionName);
                w.WriteNumber("expectedPower", c.ExpectedPowerOfAction.Mean);
                w.WriteNumber("expectedPowerVersus", c.ExpectedPowerOfOther.Mean);
                w.WriteNumber("difference", c.Difference.Mean);
                w.WriteNumber("stderr", c.Difference.StandardError);
                if (double.IsFinite(c.ZScore)) w.WriteNumber("z", c.ZScore);
                else w.WriteString("z", c.ZScore > 0 ? "Infinity" : "-Infinity");
                w.WriteString("verdict", c.Verdict switch
                {
                    PowerSeekingVerdict.ActionSeeksMorePower => "action",
                    PowerSeekingVerdict.OtherActionSeeksMorePower => "versus",
                    PowerSeekingVerdict.Equal => "equal",
                    _ => "cannot-tell",
                });
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (at.Events.Count > 0)
        {
            w.WriteStartArray("events");
            foreach (var e in at.Events)
            {
                w.WriteStartObject();
                w.WriteString("event", e.Event.Description);
                w.WriteNumber("probability", e.Probability.Mean);
                w.WriteNumber("stderr", e.Probability.StandardError);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}

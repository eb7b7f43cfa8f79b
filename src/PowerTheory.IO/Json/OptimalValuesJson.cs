using System.Text.Json;
using PowerTheory.Solvers;

namespace PowerTheory.IO.Json;

/// <summary>
/// The contract of <c>powertheory values --format json</c> (docs/cli.md):
/// <c>{"gamma":G,"method":"policy-iteration","errorBound":e,"degradations":{},"states":[{"state":"s0","value":V,
/// "reward":r,"optimalActions":["a",…]}],"policy":{"s0":"a",…}}</c>, where value is V*(s), optimalActions lists every
/// action within the tie tolerance of max_a Q*(s,a), and policy is one optimal action per state.
/// </summary>
public static class OptimalValuesJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(OptimalValues result, bool indented = true) => JsonText.Of(w => Write(w, result), indented);

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, OptimalValues result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var mdp = result.Mdp;
        writer.WriteStartObject();
        writer.WriteNumber("gamma", result.Gamma);
        writer.WriteString("method", result.Method.Name());
        writer.WriteNumber("errorBound", result.ErrorBound);
        DegradationsJson.Write(writer, result.Degradations);
        writer.WriteStartArray("states");
        for (int s = 0; s < mdp.StateCount; s++)
        {
            writer.WriteStartObject();
            writer.WriteString("state", mdp.StateNames[s]);
            writer.WriteNumber("value", result[s]);
            writer.WriteNumber("reward", result.Rewards[s]);
            writer.WriteStartArray("optimalActions");
            foreach (int a in result.OptimalActions(s)) writer.WriteStringValue(mdp.ActionName(s, a));
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject("policy");
        for (int s = 0; s < mdp.StateCount; s++) writer.WriteString(mdp.StateNames[s], mdp.ActionName(s, result.Policy[s]));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

using System.Text.Json;
using PowerTheory.Budgets;

namespace PowerTheory.IO.Json;

/// <summary>The <c>search</c> member of every contract that comes from a budgeted search:
/// <c>{"stop":"completed|node-budget|time-budget|result-limit|depth-limit","exhaustive":bool,"nodes":n,"seconds":t,
/// "budget":{"nodes":N,"seconds":S}}</c> (seconds null for no time limit).</summary>
public static class SearchOutcomeJson
{
    /// <summary>Writes the property <paramref name="name"/> (default <c>search</c>).</summary>
    public static void Write(Utf8JsonWriter writer, SearchOutcome outcome, string name = "search")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcome);
        writer.WriteStartObject(name);
        writer.WriteString("stop", outcome.StopName);
        writer.WriteBoolean("exhaustive", outcome.IsComplete);
        writer.WriteNumber("nodes", outcome.Nodes);
        writer.WriteNumber("seconds", Math.Round(outcome.Seconds, 3));
        writer.WriteStartObject("budget");
        writer.WriteNumber("nodes", outcome.Budget.MaxNodes);
        if (double.IsPositiveInfinity(outcome.Budget.MaxSeconds)) writer.WriteNull("seconds");
        else writer.WriteNumber("seconds", outcome.Budget.MaxSeconds);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
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
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, SearchOutcomeContract.From(outcome), ResultJsonContext.Default.SearchOutcomeContract);
    }
}

/// <summary>The contract of <see cref="SearchOutcomeJson"/>.</summary>
internal sealed record SearchOutcomeContract(string Stop, bool Exhaustive, long Nodes, double Seconds, SearchBudgetContract Budget)
{
    public static SearchOutcomeContract From(SearchOutcome outcome) => new(outcome.StopName, outcome.IsComplete, outcome.Nodes,
        Math.Round(outcome.Seconds, 3),
        new SearchBudgetContract(outcome.Budget.MaxNodes, SearchBudgetContract.SecondsOrNull(outcome.Budget)));
}

/// <summary>A search's budget: nodes and seconds (null: no time limit).</summary>
internal sealed record SearchBudgetContract(long Nodes, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Seconds)
{
    /// <summary>The time budget as every contract writes it: null for no time limit.</summary>
    public static double? SecondsOrNull(SearchBudget budget) =>
        double.IsPositiveInfinity(budget.MaxSeconds) ? null : budget.MaxSeconds;
}

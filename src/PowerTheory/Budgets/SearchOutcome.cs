using System.Globalization;

namespace PowerTheory.Budgets;

/// <summary>How a budgeted search ended, what it used and against which budget — carried by every partial answer.</summary>
/// <param name="Stop">Completed (exhaustive) or which limit stopped it.</param>
/// <param name="Nodes">The search nodes visited.</param>
/// <param name="Seconds">The wall-clock time taken.</param>
/// <param name="Budget">The budget the search ran under.</param>
public sealed record SearchOutcome(SearchStop Stop, long Nodes, double Seconds, SearchBudget Budget)
{
    /// <summary>True when the search ran to the end, so a "none found" is a proof of absence.</summary>
    public bool IsComplete => Stop == SearchStop.Completed;

    /// <summary>The stop reason as a stable token: completed, node-budget, time-budget, result-limit or depth-limit.</summary>
    public string StopName => Stop switch
    {
        SearchStop.Completed => "completed",
        SearchStop.NodeBudget => "node-budget",
        SearchStop.TimeBudget => "time-budget",
        SearchStop.DepthLimit => "depth-limit",
        _ => "result-limit",
    };

    /// <summary>A one-line account, e.g. "stopped at the node budget after 2000000 nodes in 3.1 s (budget: 2000000 nodes, 10 s)".</summary>
    public string Describe() => Stop switch
    {
        SearchStop.Completed => string.Create(CultureInfo.InvariantCulture, $"exhaustive: {Nodes} nodes in {Seconds:0.###} s"),
        SearchStop.NodeBudget => string.Create(CultureInfo.InvariantCulture,
            $"stopped at the node budget after {Nodes} nodes in {Seconds:0.###} s (budget: {Budget})"),
        SearchStop.ResultLimit => string.Create(CultureInfo.InvariantCulture,
            $"stopped at the result-size limit after {Nodes} nodes in {Seconds:0.###} s"),
        SearchStop.DepthLimit => string.Create(CultureInfo.InvariantCulture,
            $"stopped at the depth limit (the search went as deep as the call stack allows) after {Nodes} nodes in {Seconds:0.###} s"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"stopped at the time budget after {Nodes} nodes in {Seconds:0.###} s (budget: {Budget})"),
    };
}

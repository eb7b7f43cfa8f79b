using System.Diagnostics;

namespace PowerTheory.Budgets;

/// <summary>
/// Counts the nodes of one running search and watches the clock against a <see cref="SearchBudget"/>. Not thread-safe:
/// one meter per search.
/// </summary>
public sealed class SearchMeter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    internal SearchMeter(SearchBudget budget) => Budget = budget;

    /// <summary>The budget being measured against.</summary>
    public SearchBudget Budget { get; }

    /// <summary>The nodes counted so far.</summary>
    public long Nodes { get; private set; }

    /// <summary>Why the search stopped early, or <see cref="SearchStop.Completed"/> while it is within budget.</summary>
    public SearchStop Stop { get; private set; }

    /// <summary>True once a limit has been reached.</summary>
    public bool Exhausted => Stop != SearchStop.Completed;

    /// <summary>Counts <paramref name="nodes"/> more nodes; returns false (and stays false) once a limit is reached.
    /// </summary>
    public bool TryCount(long nodes = 1)
    {
        if (Exhausted) return false;
        Nodes += nodes;
        if (Nodes > Budget.MaxNodes)
        {
            Nodes = Budget.MaxNodes;
            Stop = SearchStop.NodeBudget;
            return false;
        }
        // The clock is read at every node (a few tens of nanoseconds): nodes range from microseconds (a graph test) to
        // seconds (a large LP), so reading it only every so many nodes could overshoot the time budget by minutes.
        if (_clock.Elapsed.TotalSeconds > Budget.MaxSeconds)
        {
            Stop = SearchStop.TimeBudget;
            return false;
        }
        return true;
    }

    /// <summary>Stops the search because its answer reached a size limit (see <see cref="SearchStop.ResultLimit"/>).</summary>
    public void StopAtResultLimit()
    {
        if (!Exhausted) Stop = SearchStop.ResultLimit;
    }

    /// <summary>For a recursive search, before it goes one level deeper: false (and the search stopped at
    /// <see cref="SearchStop.DepthLimit"/>) when the call stack is nearly used up. A search with one level per state is
    /// deeper than the stack on models of 10⁵–10⁶ states, and overflowing the stack ends the process without a word; this
    /// makes it a labelled partial answer instead.</summary>
    public bool TryDescend()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) return true;
        if (!Exhausted) Stop = SearchStop.DepthLimit;
        return false;
    }

    /// <summary>The outcome so far: how the search ended, the nodes used and the time taken.</summary>
    public SearchOutcome Outcome() => new(Stop, Nodes, _clock.Elapsed.TotalSeconds, Budget);
}

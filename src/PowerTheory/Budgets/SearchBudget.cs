using System.Globalization;

namespace PowerTheory.Budgets;

/// <summary>
/// A limit on a search or enumeration: at most <see cref="MaxNodes"/> search nodes and <see cref="MaxSeconds"/> seconds
/// of wall-clock time. Searches keep their memory proportional to the nodes they visit, so the node limit also bounds
/// memory; on reaching either limit they return promptly with an honest partial answer (<see cref="SearchOutcome"/>).
/// </summary>
public sealed record SearchBudget
{
    /// <summary>The default node limit (answers within about 10 s on a 2-core machine for the built-in searches).</summary>
    public const long DefaultMaxNodes = 2_000_000;

    /// <summary>The default time limit in seconds.</summary>
    public const double DefaultMaxSeconds = 10.0;

    /// <summary>Creates a budget.</summary>
    /// <param name="maxNodes">The largest number of search nodes (positive).</param>
    /// <param name="maxSeconds">The longest wall-clock time in seconds (positive; <see cref="double.PositiveInfinity"/>
    /// for no time limit).</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive or is NaN.</exception>
    public SearchBudget(long maxNodes = DefaultMaxNodes, double maxSeconds = DefaultMaxSeconds)
    {
        if (maxNodes <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxNodes), maxNodes, $"the node budget must be positive; got {maxNodes}.");
        if (!(maxSeconds > 0.0))
            throw new ArgumentOutOfRangeException(nameof(maxSeconds), maxSeconds,
                $"the time budget must be a positive number of seconds; got {maxSeconds.ToString("R", CultureInfo.InvariantCulture)}.");
        MaxNodes = maxNodes;
        MaxSeconds = maxSeconds;
    }

    /// <summary>The default budget: <see cref="DefaultMaxNodes"/> nodes and <see cref="DefaultMaxSeconds"/> seconds.</summary>
    public static SearchBudget Default { get; } = new();

    /// <summary>The largest number of search nodes.</summary>
    public long MaxNodes { get; }

    /// <summary>The longest wall-clock time, in seconds.</summary>
    public double MaxSeconds { get; }

    /// <summary>Starts measuring a search against this budget.</summary>
    public SearchMeter Start() => new(this);

    /// <summary>For example "2000000 nodes, 10 s".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MaxNodes} nodes, {(double.IsPositiveInfinity(MaxSeconds) ? "no time limit" : MaxSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s")}");
}

namespace PowerTheory.Budgets;

/// <summary>
/// A step was refused before allocating because its estimated memory exceeds <see cref="MemoryBudget.LimitBytes"/>.
/// The message is one line: what, the estimate, the limit and where it comes from, and what to change. An
/// <see cref="InvalidOperationException"/>, so callers that report domain failures report this one too.
/// </summary>
public sealed class MemoryBudgetExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public MemoryBudgetExceededException(double estimatedBytes, long limitBytes, string limitSource, string what, string change)
        : base($"{what} needs an estimated {MemoryBudget.Format(estimatedBytes)} of memory, above the limit of " +
               $"{MemoryBudget.Format(limitBytes)} ({limitSource}); {change}.")
    {
        EstimatedBytes = estimatedBytes;
        LimitBytes = limitBytes;
    }

    /// <summary>The estimate E in bytes.</summary>
    public double EstimatedBytes { get; }

    /// <summary>The limit L in bytes.</summary>
    public long LimitBytes { get; }
}

using System.Globalization;

namespace PowerTheory.Budgets;

/// <summary>
/// A run with a time limit that ran out before it had the two samples a standard error needs: nothing can be reported,
/// so the run is refused in words (the limit, how far it got, what to change) instead of returning a meaningless figure.
/// </summary>
public sealed class TimeBudgetExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The time limit.</param>
    /// <param name="samplesDone">The samples of the finished blocks (fewer than 2).</param>
    /// <param name="blockSize">The samples per block (a block counts only once it is whole).</param>
    public TimeBudgetExceededException(TimeSpan limit, long samplesDone, int blockSize)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"the time limit of {limit.TotalSeconds:G4} s ran out after {samplesDone} finished sample{(samplesDone == 1 ? "" : "s")} " +
            $"(blocks of {blockSize}); at least 2 are needed for a standard error: raise the time limit (--seconds), " +
            $"or use fewer samples so that blocks are smaller"))
    {
        Limit = limit;
        SamplesDone = samplesDone;
    }

    /// <summary>The time limit.</summary>
    public TimeSpan Limit { get; }

    /// <summary>The samples finished when it ran out.</summary>
    public long SamplesDone { get; }
}

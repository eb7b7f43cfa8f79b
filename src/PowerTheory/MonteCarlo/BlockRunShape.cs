namespace PowerTheory.MonteCarlo;

/// <summary>The shape of a block run: N samples in blocks of B, at most T threads; per group (a γ, or a decision-maker)
/// <paramref name="Moments"/> means with standard errors and <paramref name="Counts"/> integer counts; an optional wall-time
/// limit counted from <paramref name="StartTimestamp"/> (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
internal sealed record BlockRunShape(int Samples, int BlockSize, int Threads, int Groups, int Moments, int Counts,
    IProgress<MonteCarloProgress>? Progress, CancellationToken CancellationToken, TimeSpan? TimeLimit = null, long StartTimestamp = 0);

namespace PowerTheory.MonteCarlo;

/// <summary>The shape of a block run: N samples in blocks of B, at most T threads; per group (a γ, or a decision-maker)
/// <paramref name="Moments"/> means with standard errors and <paramref name="Counts"/> integer counts; an optional wall-time
/// limit counted from <paramref name="StartTimestamp"/> (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>); the first
/// block to run (<paramref name="FirstBlock"/>: a later stage of a run), and the width D of the vector sums per moment
/// (<paramref name="VectorWidth"/>: 0 for plain sums, 1 + K for a quantity with K control covariates).</summary>
internal sealed record BlockRunShape(int Samples, int BlockSize, int Threads, int Groups, int Moments, int Counts,
    IProgress<MonteCarloProgress>? Progress, CancellationToken CancellationToken, TimeSpan? TimeLimit = null, long StartTimestamp = 0,
    long FirstBlock = 0, int VectorWidth = 0);

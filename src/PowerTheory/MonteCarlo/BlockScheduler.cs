using System.Collections.Concurrent;
using PowerTheory.Solvers;

namespace PowerTheory.MonteCarlo;

/// <summary>
/// Runs a Monte Carlo run's blocks: waves of 4·threads blocks in parallel (at most threads at a time), each block's
/// partial sums merged into the totals in block order after its wave, so the figures do not depend on the thread count;
/// progress is reported after each block (from the worker that finished it). With a time limit the run stops when it
/// runs out — the solvers see it too (<see cref="SolveCancellation"/>), so a long sample stops part way — and the totals
/// hold the longest run of blocks 0, 1, …, k−1 that finished: the figures of a run of k·B samples, marked as stopped. It
/// knows nothing of what a sample computes: the POWER engine (Power/) and the tendency engine (DecisionMakers/) pass
/// their own workers to <c>Run</c>. The seam "where blocks run" (docs/architecture.md).
/// </summary>
internal static class BlockScheduler
{
    /// <summary>The blocks of a run of <paramref name="samples"/> in blocks of <paramref name="blockSize"/>, and the blocks
    /// of one wave (4·threads, at most all of them): each block of a wave holds its own partial sums.</summary>
    public static (long Blocks, int Wave) Layout(int samples, int blockSize, int threads)
    {
        long blocks = (samples + (long)blockSize - 1) / blockSize;
        return (blocks, (int)Math.Min(blocks, 4L * threads));
    }

    /// <summary>Runs the blocks of <paramref name="shape"/> on workers made by <paramref name="create"/> (one per thread
    /// at a time, reused across blocks, disposed at the end); <paramref name="runBlock"/> must make block b's partial
    /// sums from (seed, b) alone.</summary>
    /// <exception cref="Budgets.TimeBudgetExceededException">The time limit ran out before 2 samples had finished.</exception>
    public static RunTotals Run<TWorker>(BlockRunShape shape, Func<TWorker> create, Action<TWorker, long, int, int, BlockPartialSums> runBlock)
        where TWorker : class, IDisposable
    {
        var totals = new RunTotals(shape.Groups, shape.Moments, shape.Counts);
        Run(shape, totals, create, runBlock);
        return totals;
    }

    /// <summary>Runs blocks <see cref="BlockRunShape.FirstBlock"/> … ⌈N/B⌉ − 1 of <paramref name="shape"/> into
    /// <paramref name="totals"/>, which may already hold blocks 0 … FirstBlock − 1: a run extended in stages merges the
    /// same blocks in the same order as one run of the final size.</summary>
    public static void Run<TWorker>(BlockRunShape shape, IBlockTotals totals, Func<TWorker> create,
        Action<TWorker, long, int, int, BlockPartialSums> runBlock)
        where TWorker : class, IDisposable
    {
        int samples = shape.Samples;
        int blockSize = shape.BlockSize;
        var (blocks, wave) = Layout(samples, blockSize, shape.Threads);
        wave = (int)Math.Max(1, Math.Min(wave, blocks - shape.FirstBlock));
        var partials = new BlockPartialSums[wave];
        for (int i = 0; i < wave; i++) partials[i] = new BlockPartialSums(shape.Groups, shape.Moments, shape.Counts, shape.VectorWidth);
        var completed = new long[] { shape.FirstBlock * blockSize };
        var pool = new ConcurrentBag<TWorker>();
        var all = new ConcurrentBag<TWorker>();
        var finished = new bool[wave];
        using var deadline = shape.TimeLimit is { } limit ? new CancellationTokenSource(Remaining(limit, shape.StartTimestamp)) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(shape.CancellationToken, deadline.Token);
        var token = linked?.Token ?? shape.CancellationToken;
        using var solves = SolveCancellation.Begin(token);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = shape.Threads, CancellationToken = token };
        try
        {
            for (long start = shape.FirstBlock; start < blocks; start += wave)
            {
                long end = Math.Min(blocks, start + wave);
                long waveStart = start;
                Array.Clear(finished);
                bool outOfTime = false;
                try
                {
                    token.ThrowIfCancellationRequested();
                    RunWave(waveStart, end);
                }
                catch (Exception e) when (deadline is { IsCancellationRequested: true } && !shape.CancellationToken.IsCancellationRequested
                                          && IsCancellation(e))
                {
                    outOfTime = true;
                }
                catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
                {
                    // A worker's exception (bad sample, budget) is the run's: rethrow the first one as it was thrown.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(
                        e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0]).Throw();
                }
                for (long b = waveStart; b < end && (!outOfTime || finished[b - waveStart]); b++) totals.Merge(partials[b - waveStart], b);
                if (outOfTime)
                {
                    totals.StoppedAtTimeLimit = totals.Count < samples;
                    break;
                }
            }
        }
        finally
        {
            foreach (var w in all) w.Dispose();
        }
        if (totals.Count < 2) throw new Budgets.TimeBudgetExceededException(shape.TimeLimit!.Value, totals.Count, blockSize);

        void RunWave(long waveStart, long end) =>
                Parallel.For(waveStart, end, parallel,
                    () =>
                    {
                        if (!pool.TryTake(out var w))
                        {
                            w = create();
                            all.Add(w);
                        }
                        return w;
                    },
                    (b, _, w) =>
                    {
                        int first = (int)(b * blockSize);
                        int count = (int)Math.Min(blockSize, samples - (long)first);
                        runBlock(w, b, first, count, partials[b - waveStart]);
                        finished[b - waveStart] = true;
                        if (shape.Progress is { } progress)
                        {
                            // Under one lock, so that reports arrive in increasing order, the last one complete.
                            lock (completed)
                            {
                                completed[0] += count;
                                progress.Report(new MonteCarloProgress(completed[0], samples));
                            }
                        }
                        return w;
                    },
                    w => pool.Add(w));
    }

    private static TimeSpan Remaining(TimeSpan limit, long startTimestamp)
    {
        var left = limit - System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp);
        return left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException));
}

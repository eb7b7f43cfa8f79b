using System.Collections.Concurrent;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// Runs a plan's blocks: waves of 4·threads blocks in parallel (at most <see cref="PowerRunPlan.Threads"/> at a time),
/// each block's partial sums merged into the totals in block order after its wave, so the figures do not depend on the
/// thread count; progress is reported after each block (from the worker that finished it).
/// </summary>
internal static class BlockScheduler
{
    public static RunTotals Run(PowerRunPlan plan)
    {
        var o = plan.Options;
        int samples = o.Samples;
        int blockSize = plan.BlockSize;
        long blocks = (samples + (long)blockSize - 1) / blockSize;
        int wave = (int)Math.Min(blocks, 4L * plan.Threads);
        var slots = plan.Slots;
        var partials = new BlockPartialSums[wave];
        for (int i = 0; i < wave; i++) partials[i] = new BlockPartialSums(plan.Gammas.Length, slots.Moments, slots.Counts);
        var totals = new RunTotals(plan.Gammas.Length, slots.Moments, slots.Counts);
        var pool = new ConcurrentBag<SampleWorker>();
        var all = new ConcurrentBag<SampleWorker>();
        var completed = new long[1];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = plan.Threads, CancellationToken = o.CancellationToken };
        try
        {
            for (long start = 0; start < blocks; start += wave)
            {
                long end = Math.Min(blocks, start + wave);
                long waveStart = start;
                try
                {
                    RunWave(waveStart, end);
                }
                catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
                {
                    // A worker's exception (bad sample, budget) is the run's: rethrow the first one as it was thrown.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
                for (long b = waveStart; b < end; b++) totals.Merge(partials[b - waveStart]);
            }
        }
        finally
        {
            foreach (var w in all)
            {
                for (int g = 0; g < plan.Gammas.Length; g++) totals.Certifications[g] = totals.Certifications[g].Merge(w.Certification(g));
                w.Dispose();
            }
        }
        return totals;

        void RunWave(long waveStart, long end) =>
                Parallel.For(waveStart, end, parallel,
                    () =>
                    {
                        if (!pool.TryTake(out var w))
                        {
                            w = new SampleWorker(plan);
                            all.Add(w);
                        }
                        return w;
                    },
                    (b, _, w) =>
                    {
                        int first = (int)(b * blockSize);
                        int count = (int)Math.Min(blockSize, samples - (long)first);
                        w.RunBlock(b, first, count, partials[b - waveStart]);
                        if (o.Progress is { } progress) progress.Report(new PowerProgress(Interlocked.Add(ref completed[0], count), samples));
                        return w;
                    },
                    w => pool.Add(w));
    }
}

namespace PowerTheory.MonteCarlo;

/// <summary>
/// The options every Monte Carlo run shares — samples N, block size B, threads, time limit — validated once, with the
/// block size resolved: B = ⌈N/64⌉ clamped to [1, 256] when 0 is given, a function of N alone, so block b holds the
/// same samples (and the same random stream, <see cref="BlockRandom.ForBlock"/>) whatever the thread count.
/// </summary>
internal sealed record BlockPlan(int Samples, int BlockSize, int Threads, TimeSpan? TimeLimit)
{
    /// <summary>The block size used when none is given: ⌈N/64⌉ clamped to [1, 256].</summary>
    public static int AutomaticBlockSize(int samples) => (int)Math.Clamp((samples + 63L) / 64, 1, 256);

    /// <summary>Validates and resolves the shared options (<paramref name="blockSize"/> 0: automatic;
    /// <paramref name="threads"/> null: every core).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 samples, a negative block size, fewer than 1 thread, or
    /// a time limit that is not positive; the message names the option and the value.</exception>
    public static BlockPlan Resolve(int samples, int blockSize, int? threads, TimeSpan? timeLimit)
    {
        CheckTimeLimit(timeLimit, "TimeLimit");
        if (samples < 2) throw new ArgumentOutOfRangeException("Samples", samples, $"Samples must be at least 2 (for a standard error); got {samples}.");
        if (blockSize < 0) throw new ArgumentOutOfRangeException("BlockSize", blockSize, $"BlockSize must be positive, or 0 for automatic; got {blockSize}.");
        int t = threads ?? Environment.ProcessorCount;
        if (t < 1) throw new ArgumentOutOfRangeException("Threads", t, $"Threads must be at least 1; got {t}.");
        return new BlockPlan(samples, blockSize == 0 ? AutomaticBlockSize(samples) : blockSize, t, timeLimit);
    }

    /// <summary>Refuses a time limit that is not a positive span.</summary>
    private static void CheckTimeLimit(TimeSpan? limit, string name)
    {
        if (limit is { } l && l <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, l, $"{name} must be positive; got {l.TotalSeconds} s.");
    }
}

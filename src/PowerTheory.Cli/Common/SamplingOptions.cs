using System.CommandLine;

namespace PowerTheory.Cli.Common;

/// <summary>The options every Monte Carlo command shares — <c>--samples</c>, <c>--seed</c>, <c>--threads</c>,
/// <c>--seconds</c>, <c>--no-progress</c> — defined once, with one reading that validates them and names the option in its error.</summary>
public sealed class SamplingOptions
{
    /// <summary>The most samples any command accepts (a bound on run time, not on memory: samples are streamed).</summary>
    public const int MaxSamples = 1_000_000_000;

    /// <summary>The most worker threads any command accepts.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Creates the options, each parsed with its range (<see cref="NumericOption"/>).</summary>
    /// <param name="defaultSamples">The default of <c>--samples</c> (10,000 for the Monte Carlo commands).</param>
    /// <param name="purpose">What the samples and the seed are for, when they serve one option of the command
    /// (e.g. "for --power"); null for the command itself.</param>
    public SamplingOptions(int defaultSamples = 10_000, string? purpose = null)
    {
        string forWhat = purpose is null ? "" : " " + purpose;
        Samples = new Option<int>("--samples", "-n")
        {
            Description = $"Number of reward samples{forWhat} (default {defaultSamples}).",
            DefaultValueFactory = _ => defaultSamples,
        };
        Seed = new Option<ulong>("--seed", "-s")
        {
            DefaultValueFactory = _ => 0UL,
            Description = purpose is null
                ? "Seed, a whole number in [0, 2^64 - 1]; the same seed gives bit-identical output for any thread count (default 0)."
                : $"Seed{forWhat}, a whole number in [0, 2^64 - 1] (default 0).",
            HelpName = "K",
        }.ParsedWith(SeedOption.Parse);
        Samples.Whole(2, MaxSamples);
        Threads.Whole(1, MaxThreads);
        Seconds.Real(0, BudgetOptions.MaxSeconds, minExclusive: true, unit: "seconds");
    }

    /// <summary><c>--seconds</c>: a wall-time limit; the run then reports the samples it finished and says so.</summary>
    public Option<double?> Seconds { get; } = new("--seconds")
    {
        Description = "Wall-time limit in seconds (default: none); when it runs out the figures use the samples finished so far (whole blocks, a prefix of the run) and a warning says how many.",
        HelpName = "S",
    };

    /// <summary>The time limit given with <c>--seconds</c> (null when none).</summary>
    public TimeSpan? TimeLimit(ParseResult parseResult) =>
        parseResult.GetValue(Seconds) is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>The warning that a time limit stopped a run after <paramref name="samples"/> of <paramref name="requested"/>.</summary>
    public static string StoppedWarning(TimeSpan limit, int samples, int requested, int blockSize) =>
        FormattableString.Invariant(
            $"warning: --seconds {limit.TotalSeconds:G4} ran out after {samples} of {requested} samples (whole blocks of {blockSize}); every figure uses those {samples} samples (stop: time-budget).");

    /// <summary><c>--samples</c>, <c>-n</c> (default 10,000 unless the command sets another; at least 2).</summary>
    public Option<int> Samples { get; }

    /// <summary><c>--seed</c>, <c>-s</c>: a whole number in [0, 2⁶⁴ − 1], parsed at parse time by <see cref="SeedOption"/>
    /// (a bad seed is the parse error, before any file is read or written).</summary>
    public Option<ulong> Seed { get; }

    /// <summary><c>--threads</c>, <c>-t</c> (default: all cores; at least 1).</summary>
    public Option<int?> Threads { get; } = new("--threads", "-t") { Description = "Worker threads (default: all cores)." };

    /// <summary><c>--no-progress</c>.</summary>
    public Option<bool> NoProgress { get; } = new("--no-progress") { Description = "Do not show the progress bar on stderr." };

    /// <summary>Reads and validates the values.</summary>
    /// <exception cref="CliUsageException">Fewer than 2 samples, fewer than 1 thread or a bad seed; the message names the option.</exception>
    public (int Samples, ulong Seed, int? Threads) Read(ParseResult parseResult)
    {
        int n = parseResult.GetValue(Samples);
        if (n < 2) throw new CliUsageException($"--samples must be at least 2 (a standard error needs two samples); got {n}.");
        int? t = parseResult.GetValue(Threads);
        if (t is < 1) throw new CliUsageException($"--threads must be at least 1; got {t}.");
        return (n, parseResult.GetValue(Seed), t);
    }
}

using System.Diagnostics;
using PowerTheory.Power;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Cli.Common;

/// <summary>
/// A one-line progress bar on stderr, <c>\rLABEL [#####....] 42% done/total samples</c>, for <c>power</c> and
/// <c>tendencies</c>. The engines report after every block of samples; the bar is redrawn on the first report, whenever
/// at least <see cref="Interval"/> has passed since the last frame, and on the final report — so it moves at least every
/// second, or every block when a block takes longer.
/// </summary>
public sealed class ProgressBar(TextWriter error, string label = "power", Func<TimeSpan>? clock = null) : IProgress<MonteCarloProgress>
{
    /// <summary>The longest time between frames while blocks keep finishing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The widest frame; <see cref="Clear"/> erases this many columns.</summary>
    public const int Width = 80;

    private readonly Func<TimeSpan> _clock = clock ?? StopwatchClock();
    private readonly Lock _gate = new();
    private TimeSpan? _lastFrame;
    private long _drawn = -1;

    /// <summary>The number of frames drawn so far.</summary>
    public int Frames { get; private set; }

    /// <summary>Whether to show a bar: not disabled, writing to the real stderr, which is a terminal.</summary>
    public static bool Wanted(CliContext context, bool disabled) =>
        !disabled && ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;

    private static Func<TimeSpan> StopwatchClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    /// <inheritdoc />
    public void Report(MonteCarloProgress value)
    {
        lock (_gate)
        {
            if (value.Completed <= _drawn) return; // reports from parallel workers can arrive out of order
            var now = _clock();
            bool final = value.Completed >= value.Total;
            if (!final && _lastFrame is { } last && now - last < Interval) return;
            _lastFrame = now;
            _drawn = value.Completed;
            Frames++;
            int percent = (int)(100 * value.Fraction);
            int filled = percent / 4;
            error.Write($"\r{new string(' ', Width)}\r{label} [{new string('#', filled)}{new string('.', 25 - filled)}] {percent,3}% {value.Completed}/{value.Total} samples");
        }
    }

    /// <summary>Erases the bar.</summary>
    public void Clear()
    {
        lock (_gate) error.Write("\r" + new string(' ', Width) + "\r");
    }
}

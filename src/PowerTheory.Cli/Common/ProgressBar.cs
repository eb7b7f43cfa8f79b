using System.Diagnostics;
using PowerTheory.Power;

namespace PowerTheory.Cli.Common;

/// <summary>
/// The <c>power</c> progress bar on stderr. The engine reports after every block of samples; the bar is redrawn on the
/// first report, whenever at least <see cref="Interval"/> has passed since the last frame, and on the final report — so
/// it moves at least every second, or every block when a block takes longer.
/// </summary>
internal sealed class ProgressBar(TextWriter error, Func<TimeSpan>? clock = null) : IProgress<PowerProgress>
{
    /// <summary>The longest time between frames while blocks keep finishing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Func<TimeSpan> _clock = clock ?? StopwatchClock();
    private readonly Lock _gate = new();
    private TimeSpan? _lastFrame;
    private long _drawn = -1;

    /// <summary>The number of frames drawn so far.</summary>
    public int Frames { get; private set; }

    /// <summary>The widest frame; the command clears this many columns when it is done.</summary>
    public const int Width = 80;

    private static Func<TimeSpan> StopwatchClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    public void Report(PowerProgress value)
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
            error.Write($"\r{new string(' ', Width)}\rpower [{new string('#', filled)}{new string('.', 25 - filled)}] {percent,3}% {value.Completed}/{value.Total} samples");
        }
    }
}

using PowerTheory.Power;

namespace PowerTheory.Cli.Common;

/// <summary>A one-line progress bar on standard error, <c>\rLABEL [#####....] 42%</c>, redrawn only when the percentage
/// changes (the same bar as <c>powertheory power</c>'s).</summary>
public sealed class ProgressBar(TextWriter error, string label) : IProgress<PowerProgress>
{
    private int _lastPercent = -1;

    /// <summary>Whether to show a bar: not disabled, writing to the real stderr, which is a terminal.</summary>
    public static bool Wanted(CliContext context, bool disabled) =>
        !disabled && ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;

    /// <inheritdoc />
    public void Report(PowerProgress value)
    {
        int percent = (int)(100 * value.Fraction);
        if (percent == Interlocked.Exchange(ref _lastPercent, percent)) return;
        int filled = percent / 4;
        lock (error) error.Write($"\r{label} [{new string('#', filled)}{new string('.', 25 - filled)}] {percent,3}%");
    }

    /// <summary>Erases the bar.</summary>
    public void Clear() => error.Write("\r" + new string(' ', label.Length + 40) + "\r");
}

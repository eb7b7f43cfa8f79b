using PowerTheory.Power;

namespace PowerTheory.Cli.Common;

/// <summary>The lines that name a POWER run's estimator and say how its accuracy target ended.</summary>
public static class AccuracyOutput
{
    /// <summary>A stderr warning when a target was not met.</summary>
    public static void Warn(CliContext context, PowerResult result)
    {
        if (result.Accuracy is { Met: false } a)
            context.Diagnostic(FormattableString.Invariant(
                $"warning: the target {Target(a)} was not met: after {a.Stages} stage(s) and {result.Samples} samples (cap {result.SamplesRequested}) the worst standard error is {a.WorstStandardError:G3} ({a.WorstQuantity}); raise --samples."));
    }

    /// <summary>The text report's estimator line (plain fixed runs print nothing).</summary>
    public static void WriteText(CliContext context, PowerResult result)
    {
        var e = result.Estimator;
        if (e.IsPlain && result.Accuracy is null) return;
        string replicates = e.FromReplicates ? FormattableString.Invariant($", SE from {e.Replicates} independent scrambles of {e.PointsPerReplicate} points (Student t intervals)") : "";
        string reduction = result.ByGamma.Select(g => g.MedianVarianceReduction).FirstOrDefault(r => r is not null) is { } r
            ? FormattableString.Invariant($", median variance reduction {Numbers.Significant(r, 3)}× against plain sampling") : "";
        context.Out.WriteLine($"estimator: {e.Name}{replicates}{reduction}");
        if (result.Accuracy is { } a)
            context.Out.WriteLine(FormattableString.Invariant(
                $"target {Target(a)}: {(a.Met ? "met" : "NOT met")} after {a.Stages} stage(s), {result.Samples} samples; worst SE {Numbers.Significant(a.WorstStandardError, 3)} ({a.WorstQuantity})"));
    }

    private static string Target(AccuracyReport a) =>
        a.TargetStandardError is { } se ? FormattableString.Invariant($"SE ≤ {se:G4}") : FormattableString.Invariant($"95% half-width ≤ {a.TargetCi95HalfWidth:G4}");
}

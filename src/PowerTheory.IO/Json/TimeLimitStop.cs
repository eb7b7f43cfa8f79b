namespace PowerTheory.IO.Json;

/// <summary>The fields a Monte Carlo result gains when its time limit stopped it (docs/cli.md, <c>--seconds</c>):
/// <c>"samplesRequested":N,"stop":"time-budget"</c>, after <c>"samples"</c> (the samples used); both are left out
/// otherwise.</summary>
internal static class TimeLimitStop
{
    /// <summary>The <c>stop</c> token of a run the time limit ended.</summary>
    public const string Name = "time-budget";
}

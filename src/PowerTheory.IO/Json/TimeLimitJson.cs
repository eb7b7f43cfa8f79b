using System.Text.Json;

namespace PowerTheory.IO.Json;

/// <summary>The fields a Monte Carlo result gains when its time limit stopped it (docs/cli.md, <c>--seconds</c>):
/// <c>"samplesRequested":N,"stop":"time-budget"</c>, after <c>"samples"</c> (the samples used); nothing otherwise.</summary>
internal static class TimeLimitJson
{
    public static void Write(Utf8JsonWriter w, bool stoppedAtTimeLimit, int samplesRequested)
    {
        if (!stoppedAtTimeLimit) return;
        w.WriteNumber("samplesRequested", samplesRequested);
        w.WriteString("stop", "time-budget");
    }
}

using System.Text.Json;

namespace PowerTheory.Cli.Common;

/// <summary>How a command shows a result's degradations (fallbacks, loosened acceptances): one <c>warning:</c> line on
/// stderr each, and a <c>degradations</c> object {what: count} in JSON.</summary>
public static class DegradationOutput
{
    /// <summary>Writes one warning line per degradation to standard error.</summary>
    public static void Warn(CliContext context, IReadOnlyDictionary<string, long> degradations)
    {
        foreach (var (what, count) in degradations)
            context.Diagnostic($"warning: {what} ({count} time{(count == 1 ? "" : "s")}).");
    }

    /// <summary>Writes the <c>degradations</c> property (an empty object when there were none).</summary>
    public static void WriteJson(Utf8JsonWriter w, IReadOnlyDictionary<string, long> degradations)
    {
        w.WriteStartObject("degradations");
        foreach (var (what, count) in degradations) w.WriteNumber(what, count);
        w.WriteEndObject();
    }
}

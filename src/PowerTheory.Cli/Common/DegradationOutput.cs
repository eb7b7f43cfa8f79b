namespace PowerTheory.Cli.Common;

/// <summary>How a command shows a result's degradations (fallbacks, loosened acceptances): one <c>warning:</c> line on
/// stderr each (the JSON <c>degradations</c> member is written by <see cref="IO.Json.DegradationsJson"/>).</summary>
public static class DegradationOutput
{
    /// <summary>Writes one warning line per degradation to standard error.</summary>
    public static void Warn(CliContext context, IReadOnlyDictionary<string, long> degradations)
    {
        foreach (var (what, count) in degradations)
            context.Diagnostic($"warning: {what} ({count} time{(count == 1 ? "" : "s")}).");
    }
}

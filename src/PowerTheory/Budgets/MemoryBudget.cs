using System.Globalization;

namespace PowerTheory.Budgets;

/// <summary>
/// The memory limit that large allocations are checked against before they are made (docs/performance.md, "Memory
/// budget"): an estimate E of the bytes a step will take, computed from the model's size, is compared with the limit L,
/// and the step is refused with one line naming E, L and what to change when E &gt; L — instead of an OutOfMemory part
/// way through.
/// </summary>
/// <remarks>L is <see cref="DefaultFraction"/> of the memory available to the process
/// (<see cref="GC.GetGCMemoryInfo()"/>.TotalAvailableMemoryBytes: physical memory or the container's limit), or the value
/// of the environment variable <see cref="EnvironmentVariable"/> (bytes, or a number with the suffix K, M, G or T,
/// powers of 1024), read once per process.</remarks>
public static class MemoryBudget
{
    /// <summary>The environment variable that overrides the limit, e.g. <c>POWERTHEORY_MEMORY_LIMIT=4G</c>.</summary>
    public const string EnvironmentVariable = "POWERTHEORY_MEMORY_LIMIT";

    /// <summary>The share of the available memory used as the default limit.</summary>
    public const double DefaultFraction = 0.5;

    private static readonly Lazy<(long Bytes, string Source)> Configured = new(ReadLimit);

    /// <summary>The limit L in bytes.</summary>
    /// <exception cref="ArgumentException">The environment variable is set but is not a positive size.</exception>
    public static long LimitBytes => Configured.Value.Bytes;

    /// <summary>Where the limit comes from, e.g. "50% of 23.4 GB available" or "POWERTHEORY_MEMORY_LIMIT=4G".</summary>
    public static string LimitSource => Configured.Value.Source;

    /// <summary>Throws <see cref="MemoryBudgetExceededException"/> when <paramref name="estimatedBytes"/> exceeds
    /// <see cref="LimitBytes"/>.</summary>
    /// <param name="estimatedBytes">The estimate E (bytes; may be a double beyond the range of long).</param>
    /// <param name="what">What would be allocated, e.g. "the PRISM header's 2000000000 states".</param>
    /// <param name="change">What the user can change, e.g. "use a smaller grid".</param>
    public static void Require(double estimatedBytes, string what, string change)
    {
        if (!(estimatedBytes <= LimitBytes))
            throw new MemoryBudgetExceededException(estimatedBytes, LimitBytes, LimitSource, what, change);
    }

    /// <summary>True when <paramref name="estimatedBytes"/> fits within the limit.</summary>
    public static bool Fits(double estimatedBytes) => estimatedBytes <= LimitBytes;

    /// <summary>A size in bytes as text: "812 B", "3.4 MB", "17.2 GB" (powers of 1024).</summary>
    public static string Format(double bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1)
        {
            bytes /= 1024;
            u++;
        }
        return u == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : bytes >= 1e4 ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0.###E+0} {units[u]}")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {units[u]}");
    }

    /// <summary>Parses a size: a whole number of bytes, or a number with the suffix K, M, G or T (powers of 1024; a
    /// trailing B is allowed). Returns false unless the result is positive and finite.</summary>
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith('B')) t = t[..^1];
        double factor = 1;
        if (t.Length > 0 && "KMGT".Contains(t[^1], StringComparison.Ordinal))
        {
            factor = Math.Pow(1024, "KMGT".IndexOf(t[^1], StringComparison.Ordinal) + 1);
            t = t[..^1];
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v)) return false;
        double b = Math.Floor(v * factor);
        if (!(b >= 1 && b < long.MaxValue)) return false;
        bytes = (long)b;
        return true;
    }

    private static (long, string) ReadLimit()
    {
        string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (text is not null)
        {
            if (!TryParseSize(text, out long given))
                throw new ArgumentException(
                    $"{EnvironmentVariable} must be a positive size in bytes, or a number with K, M, G or T (e.g. 4G); got '{text}'.");
            return (given, $"{EnvironmentVariable}={text.Trim()}");
        }
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available <= 0) available = 4L << 30; // not reported: assume 4 GB
        return ((long)(available * DefaultFraction),
            string.Create(CultureInfo.InvariantCulture, $"{DefaultFraction * 100:0}% of the {Format(available)} available; set {EnvironmentVariable} to change it"));
    }
}

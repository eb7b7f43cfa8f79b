using ScottPlot;

namespace PowerTheory.Plotting;

/// <summary>Writes a figure to a PNG or SVG file, chosen by the file's extension.</summary>
public static class FigureFile
{
    /// <summary>The smallest and largest accepted width or height, in pixels.</summary>
    public const int MinPixels = 100, MaxPixels = 10_000;

    /// <summary>
    /// Saves <paramref name="plot"/> as <paramref name="path"/>: a PNG for <c>.png</c>, an SVG for <c>.svg</c> (case
    /// ignored). The folder must exist: none is created, so a mistyped path is reported instead of silently made.
    /// </summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">The output file; its extension picks the format. Its directory must exist (none is created).</param>
    /// <param name="width">Width in pixels, in [<see cref="MinPixels"/>, <see cref="MaxPixels"/>].</param>
    /// <param name="height">Height in pixels, in [<see cref="MinPixels"/>, <see cref="MaxPixels"/>].</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg, or a size is out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    public static string Save(Plot plot, string path, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckSize(width, nameof(width));
        CheckSize(height, nameof(height));
        var format = FormatOf(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"figure file '{path}': folder '{folder}' does not exist; create it first (no folder is created for you).");
        if (format == FigureFormat.Png) plot.SavePng(full, width, height);
        else plot.SaveSvg(full, width, height);
        return full;
    }

    /// <summary>The format of <paramref name="path"/> by its extension.</summary>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static FigureFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => FigureFormat.Png,
            ".svg" => FigureFormat.Svg,
            var e => throw new ArgumentException(
                $"figure file '{path}' has extension '{e}'; use .png or .svg.", nameof(path)),
        };
    }

    private static void CheckSize(int pixels, string name)
    {
        if (pixels < MinPixels || pixels > MaxPixels)
            throw new ArgumentOutOfRangeException(name, pixels, $"{name} must be in [{MinPixels}, {MaxPixels}] pixels; got {pixels}.");
    }
}

using SkiaSharp;

namespace PowerTheory.Tests.Plotting;

/// <summary>What a rendered figure file looks like: its pixel size, how much its pixels vary, and its SVG text.</summary>
internal static class ImageCheck
{
    /// <summary>Decodes a PNG and returns its size and the variance of its pixels' luminance (0–255 scale).</summary>
    public static (int Width, int Height, double LuminanceVariance) Png(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.That(bitmap, Is.Not.Null, $"{path} is not a decodable image");
        double sum = 0, sumSquares = 0;
        long count = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        for (int x = 0; x < bitmap.Width; x += 2)
        {
            var c = bitmap.GetPixel(x, y);
            double l = 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
            sum += l;
            sumSquares += l * l;
            count++;
        }
        double mean = sum / count;
        return (bitmap.Width, bitmap.Height, sumSquares / count - mean * mean);
    }

    /// <summary>The text content of every <c>&lt;text&gt;</c> element of an SVG file, trimmed.</summary>
    public static string[] SvgTexts(string path)
    {
        var document = System.Xml.Linq.XDocument.Load(path);
        return document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();
    }
}

namespace PowerTheory.Plotting;

/// <summary>An image file format for figures.</summary>
public enum FigureFormat
{
    /// <summary>Portable Network Graphics (raster).</summary>
    Png,

    /// <summary>Scalable Vector Graphics (text, keeps labels searchable).</summary>
    Svg,
}

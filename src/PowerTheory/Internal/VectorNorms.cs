namespace PowerTheory.Internal;

/// <summary>Norms of vectors that the solvers scale their tolerances by.</summary>
internal static class VectorNorms
{
    /// <summary>The max-norm ‖x‖_∞ = max_i |x_i| (0 for an empty vector; NaN when some entry is NaN).</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}

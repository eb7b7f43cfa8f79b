namespace PowerTheory.Retargeting;

/// <summary>Exact entry-by-entry equality of parameter vectors (−0 equals +0), for sets of orbit elements.</summary>
internal sealed class VectorComparer : IEqualityComparer<double[]>
{
    public static VectorComparer Instance { get; } = new();

    public bool Equals(double[]? x, double[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(double[] obj)
    {
        var hash = new HashCode();
        foreach (double v in obj) hash.Add(v == 0 ? 0.0 : v);
        return hash.ToHashCode();
    }
}

namespace PowerTheory.Polytope;

/// <summary>
/// A per-reward-sample oracle over a fixed finite set of points {f_1 … f_m} ⊂ ℝ^S, typically F_nd(s) at one γ (then
/// max_i f_i·r = V*_r(s, γ), Cor. E.11) or RSD_nd(s) (then max_i d_i·r is the optimal average reward from s, and
/// E_r[max_i d_i·r] = POWER(s, 1), Lemma E.49). <see cref="MaxValue(ReadOnlySpan{double}, out int)"/> is allocation-free: one pass over a contiguous
/// row-major matrix, O(m·|S|) per sample, which beats a per-sample solve when m is small.
/// </summary>
public sealed class NonDominatedValueOracle
{
    private readonly double[] _rows; // m × n, row-major
    private readonly int _n;

    /// <summary>Creates the oracle from m points of equal dimension |S| (m ≥ 1).</summary>
    /// <param name="points">The points f_i (e.g. <see cref="NonDominatedSet.Vectors"/>); finite entries.</param>
    public NonDominatedValueOracle(IReadOnlyList<IReadOnlyList<double>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("the oracle needs at least one point.", nameof(points));
        _n = points[0].Count;
        _rows = new double[points.Count * _n];
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Count != _n)
                throw new ArgumentException($"points[{i}] has dimension {points[i].Count}; points[0] has {_n}.", nameof(points));
            for (int j = 0; j < _n; j++)
            {
                double x = points[i][j];
                if (!double.IsFinite(x)) throw new ArgumentException($"points[{i}][{j}] must be finite; got {x}.", nameof(points));
                _rows[i * _n + j] = x;
            }
        }
        Count = points.Count;
    }

    /// <summary>The oracle over a search result's vectors f(γ) (its γ is <see cref="NonDominatedSet.Gamma"/>).</summary>
    public static NonDominatedValueOracle From(NonDominatedSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new NonDominatedValueOracle(set.Vectors());
    }

    /// <summary>The number of points m.</summary>
    public int Count { get; }

    /// <summary>The dimension |S| of the points.</summary>
    public int Dimension => _n;

    /// <summary>The point f_i.</summary>
    public ReadOnlySpan<double> Point(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count - 1}]; got {index}.");
        return _rows.AsSpan(index * _n, _n);
    }

    /// <summary>max_i f_i·r, and in <paramref name="argMax"/> the lowest index attaining it. Allocation-free.</summary>
    /// <param name="rewards">r, one entry per coordinate (length <see cref="Dimension"/>).</param>
    /// <param name="argMax">The lowest i with f_i·r equal to the maximum.</param>
    public double MaxValue(ReadOnlySpan<double> rewards, out int argMax)
    {
        if (rewards.Length != _n)
            throw new ArgumentException($"rewards must have {_n} entries; got {rewards.Length}.", nameof(rewards));
        double best = double.NegativeInfinity;
        argMax = -1;
        var rows = _rows.AsSpan();
        for (int i = 0, offset = 0; i < Count; i++, offset += _n)
        {
            double v = 0;
            var row = rows.Slice(offset, _n);
            for (int j = 0; j < row.Length; j++) v += row[j] * rewards[j];
            if (v > best)
            {
                best = v;
                argMax = i;
            }
        }
        return best;
    }

    /// <summary>max_i f_i·r.</summary>
    public double MaxValue(ReadOnlySpan<double> rewards) => MaxValue(rewards, out _);
}

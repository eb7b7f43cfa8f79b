using System.Globalization;

namespace PowerTheory.Retargeting;

/// <summary>
/// An outcome lottery: a vector x ∈ ℝ^d over d outcomes (docs/theory.md §3.1). Its expected utility under a utility
/// vector u ∈ ℝ^d is xᵀu = Σ_i x_i u_i. In the MDP case x is a visit distribution; the theory holds for any real x.
/// </summary>
/// <remarks>Immutable. Two lotteries are equal when their vectors are equal entry by entry (exact double comparison);
/// the label is only for display. Stored sparsely (the non-zero entries in index order), so that a basis lottery of a
/// long θ takes O(1) memory and xᵀu costs O(non-zeros): the d basis lotteries of d = 20,000 outcomes used to take
/// 3.2 GB and d² work per evaluation.</remarks>
public sealed class OutcomeLottery : IEquatable<OutcomeLottery>
{
    private readonly int _dimension;
    private readonly int[] _indices;   // the outcomes with a non-zero entry, increasing
    private readonly double[] _values; // their entries

    /// <summary>Creates the lottery with the given entries.</summary>
    /// <param name="vector">The entries x_0, …, x_{d−1} (finite; d ≥ 1).</param>
    /// <param name="label">An optional display name; defaults to the entries.</param>
    /// <exception cref="ArgumentException">The vector is empty or an entry is NaN or infinite (the message names the index).</exception>
    public OutcomeLottery(IReadOnlyList<double> vector, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Count == 0) throw new ArgumentException("an outcome lottery needs at least one outcome (d ≥ 1).", nameof(vector));
        var dense = vector.ToArray();
        for (int i = 0; i < dense.Length; i++)
            if (!double.IsFinite(dense[i]))
                throw new ArgumentException($"lottery entry {i} is {dense[i].ToString(CultureInfo.InvariantCulture)}; entries must be finite.", nameof(vector));
        _dimension = dense.Length;
        _indices = Enumerable.Range(0, dense.Length).Where(i => dense[i] != 0).ToArray();
        _values = _indices.Select(i => dense[i]).ToArray();
        Label = label ?? "(" + string.Join(",", dense.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";
    }

    private OutcomeLottery(int dimension, int outcome, string label)
    {
        _dimension = dimension;
        _indices = [outcome];
        _values = [1.0];
        Label = label;
    }

    /// <summary>The basis lottery e_i ∈ ℝ^d: outcome i for certain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">i is outside 0..d−1.</exception>
    public static OutcomeLottery Basis(int dimension, int outcome)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the dimension d must be at least 1.");
        if (outcome < 0 || outcome >= dimension)
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"outcome {outcome} is outside 0..{dimension - 1}.");
        return new OutcomeLottery(dimension, outcome, "e" + outcome.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>d, the number of outcomes.</summary>
    public int Dimension => _dimension;

    /// <summary>The display name.</summary>
    public string Label { get; }

    /// <summary>The entries x_0, …, x_{d−1}.</summary>
    public IReadOnlyList<double> Vector
    {
        get
        {
            var dense = new double[_dimension];
            for (int k = 0; k < _indices.Length; k++) dense[_indices[k]] = _values[k];
            return Array.AsReadOnly(dense);
        }
    }

    /// <summary>The non-zero entries: outcome indices in increasing order and their entries.</summary>
    internal (int[] Indices, double[] Values) NonZeros => (_indices, _values);

    /// <summary>True for a basis lottery e_i (one entry 1, the rest 0).</summary>
    public bool IsBasis => _indices.Length == 1 && _values[0] == 1.0;

    /// <summary>The expected utility xᵀu = Σ_i x_i u_i.</summary>
    /// <exception cref="ArgumentException">u does not have d entries.</exception>
    public double ExpectedUtility(ReadOnlySpan<double> utility)
    {
        if (utility.Length != _dimension)
            throw new ArgumentException($"the utility vector has {utility.Length} entries but lottery {Label} has {_dimension} outcomes.", nameof(utility));
        // The zero entries add ±0 to the dense sum, which changes neither its value nor any comparison of it.
        double sum = 0;
        for (int k = 0; k < _indices.Length; k++) sum += _values[k] * utility[_indices[k]];
        return sum;
    }

    /// <inheritdoc />
    public bool Equals(OutcomeLottery? other) => other is not null && _dimension == other._dimension
        && _indices.AsSpan().SequenceEqual(other._indices) && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutcomeLottery);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Equal vectors have equal non-zero entries (−0 is stored as no entry, like +0), so these hash equally.
        var hash = new HashCode();
        hash.Add(_dimension);
        for (int k = 0; k < _indices.Length; k++)
        {
            hash.Add(_indices[k]);
            hash.Add(_values[k]);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}

using System.Globalization;

namespace PowerTheory.Retargeting;

/// <summary>
/// An outcome lottery: a vector x ∈ ℝ^d over d outcomes (docs/theory.md §3.1). Its expected utility under a utility
/// vector u ∈ ℝ^d is xᵀu = Σ_i x_i u_i. In the MDP case x is a visit distribution; the theory holds for any real x.
/// </summary>
/// <remarks>Immutable. Two lotteries are equal when their vectors are equal entry by entry (exact double comparison);
/// the label is only for display.</remarks>
public sealed class OutcomeLottery : IEquatable<OutcomeLottery>
{
    private readonly double[] _vector;

    /// <summary>Creates the lottery with the given entries.</summary>
    /// <param name="vector">The entries x_0, …, x_{d−1} (finite; d ≥ 1).</param>
    /// <param name="label">An optional display name; defaults to the entries.</param>
    /// <exception cref="ArgumentException">The vector is empty or an entry is NaN or infinite (the message names the index).</exception>
    public OutcomeLottery(IReadOnlyList<double> vector, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Count == 0) throw new ArgumentException("an outcome lottery needs at least one outcome (d ≥ 1).", nameof(vector));
        _vector = vector.ToArray();
        for (int i = 0; i < _vector.Length; i++)
            if (!double.IsFinite(_vector[i]))
                throw new ArgumentException($"lottery entry {i} is {_vector[i].ToString(CultureInfo.InvariantCulture)}; entries must be finite.", nameof(vector));
        Label = label ?? "(" + string.Join(",", _vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";
    }

    /// <summary>The basis lottery e_i ∈ ℝ^d: outcome i for certain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">i is outside 0..d−1.</exception>
    public static OutcomeLottery Basis(int dimension, int outcome)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the dimension d must be at least 1.");
        if (outcome < 0 || outcome >= dimension)
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"outcome {outcome} is outside 0..{dimension - 1}.");
        var e = new double[dimension];
        e[outcome] = 1.0;
        return new OutcomeLottery(e, "e" + outcome.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>d, the number of outcomes.</summary>
    public int Dimension => _vector.Length;

    /// <summary>The display name.</summary>
    public string Label { get; }

    /// <summary>The entries x_0, …, x_{d−1}.</summary>
    public IReadOnlyList<double> Vector => Array.AsReadOnly(_vector);

    /// <summary>The expected utility xᵀu = Σ_i x_i u_i.</summary>
    /// <exception cref="ArgumentException">u does not have d entries.</exception>
    public double ExpectedUtility(ReadOnlySpan<double> utility)
    {
        if (utility.Length != _vector.Length)
            throw new ArgumentException($"the utility vector has {utility.Length} entries but lottery {Label} has {_vector.Length} outcomes.", nameof(utility));
        double sum = 0;
        for (int i = 0; i < _vector.Length; i++) sum += _vector[i] * utility[i];
        return sum;
    }

    /// <inheritdoc />
    public bool Equals(OutcomeLottery? other) => other is not null && _vector.AsSpan().SequenceEqual(other._vector);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutcomeLottery);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (double v in _vector) hash.Add(v == 0 ? 0.0 : v); // +0 and −0 compare equal
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Label;
}

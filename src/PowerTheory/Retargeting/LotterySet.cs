namespace PowerTheory.Retargeting;

/// <summary>
/// A finite set of outcome lotteries of one dimension d (the sets A, B ⊆ C ⊂ ℝ^d of docs/theory.md §3.3). Order is kept
/// for display and for stable output; the lotteries are distinct (exact vector equality).
/// </summary>
public sealed class LotterySet
{
    private readonly OutcomeLottery[] _items;
    private readonly HashSet<OutcomeLottery> _lookup;

    /// <summary>Creates the set.</summary>
    /// <param name="lotteries">The lotteries (any number, even none, all of dimension <paramref name="dimension"/>).</param>
    /// <param name="dimension">d, the number of outcomes.</param>
    /// <exception cref="ArgumentException">A lottery has another dimension, or repeats an earlier one (the message names both positions).</exception>
    public LotterySet(IEnumerable<OutcomeLottery> lotteries, int dimension)
    {
        ArgumentNullException.ThrowIfNull(lotteries);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the dimension d must be at least 1.");
        _items = lotteries.ToArray();
        _lookup = new HashSet<OutcomeLottery>();
        var firstIndex = new Dictionary<OutcomeLottery, int>();
        for (int i = 0; i < _items.Length; i++)
        {
            var x = _items[i] ?? throw new ArgumentException($"lottery {i} is null.", nameof(lotteries));
            if (x.Dimension != dimension)
                throw new ArgumentException($"lottery {i} ({x.Label}) has {x.Dimension} outcomes; expected d = {dimension}.", nameof(lotteries));
            if (!firstIndex.TryAdd(x, i))
                throw new ArgumentException($"lottery {i} ({x.Label}) repeats lottery {firstIndex[x]}; a set holds distinct lotteries.", nameof(lotteries));
            _lookup.Add(x);
        }
        Dimension = dimension;
    }

    /// <summary>The set {e_i : i ∈ outcomes} of basis lotteries in ℝ^d.</summary>
    public static LotterySet OfBasis(int dimension, IEnumerable<int> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var chosen = outcomes as IReadOnlyCollection<int> ?? outcomes.ToArray();
        // A basis lottery is stored sparsely: with its label and hash entry about 200 bytes.
        Budgets.MemoryBudget.Require(200.0 * chosen.Count,
            $"{chosen.Count} basis lotteries of dimension {dimension}", "use a shorter θ");
        return new LotterySet(chosen.Select(i => OutcomeLottery.Basis(dimension, i)), dimension);
    }

    /// <summary>d, the number of outcomes.</summary>
    public int Dimension { get; }

    /// <summary>|X|.</summary>
    public int Count => _items.Length;

    /// <summary>The lotteries in their given order.</summary>
    public IReadOnlyList<OutcomeLottery> Items => Array.AsReadOnly(_items);

    /// <summary>True when x ∈ X (exact vector equality).</summary>
    public bool Contains(OutcomeLottery lottery) => _lookup.Contains(lottery);

    /// <summary>The expected utilities xᵀu of the lotteries, in order.</summary>
    public double[] ExpectedUtilities(ReadOnlySpan<double> utility)
    {
        var values = new double[_items.Length];
        for (int i = 0; i < _items.Length; i++) values[i] = _items[i].ExpectedUtility(utility);
        return values;
    }

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", _items.Select(x => x.Label)) + "}";
}

namespace PowerTheory.Symmetry;

/// <summary>
/// A permutation φ of the indices {0, …, n−1} (states of an MDP, or coordinates of a parameter vector θ ∈ ℝ^d). It acts
/// on vectors through the permutation matrix P_φ with (P_φ)_{ij} = 1 iff i = φ(j), so P_φ e_j = e_{φ(j)} and
/// (φ·x)_{φ(j)} = x_j: the entry at j moves to φ(j) (docs/theory.md §1.6).
/// </summary>
/// <remarks>Immutable. Equality is equality of the maps. An <em>involution</em> (φ = φ⁻¹) is a product of disjoint
/// transpositions; the symmetry theorems use only involutions (<see cref="IsInvolution"/>, <see cref="Transpositions"/>).
/// </remarks>
public sealed class Permutation : IEquatable<Permutation>
{
    private readonly int[] _image;

    private Permutation(int[] image) => _image = image;

    /// <summary>The identity on n indices.</summary>
    public static Permutation Identity(int size)
    {
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), size, "size must be non-negative.");
        var image = new int[size];
        for (int i = 0; i < size; i++) image[i] = i;
        return new Permutation(image);
    }

    /// <summary>The permutation with φ(i) = <paramref name="image"/>[i].</summary>
    /// <exception cref="ArgumentException">The list is not a bijection of {0, …, n−1} (the message names the offending index).</exception>
    public static Permutation FromImage(IReadOnlyList<int> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var copy = image.ToArray();
        var seen = new bool[copy.Length];
        for (int i = 0; i < copy.Length; i++)
        {
            int j = copy[i];
            if (j < 0 || j >= copy.Length)
                throw new ArgumentException($"image[{i}] = {j} is outside 0..{copy.Length - 1}.", nameof(image));
            if (seen[j])
                throw new ArgumentException($"image[{i}] = {j} repeats an earlier image; a permutation is a bijection.", nameof(image));
            seen[j] = true;
        }
        return new Permutation(copy);
    }

    /// <summary>The involution on n indices that swaps each listed pair and fixes every other index.</summary>
    /// <exception cref="ArgumentException">A pair leaves 0..n−1, swaps an index with itself, or shares an index with
    /// another pair (the transpositions must be disjoint).</exception>
    public static Permutation FromTranspositions(int size, IEnumerable<(int First, int Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var image = Identity(size)._image;
        var used = new bool[size];
        foreach (var (a, b) in pairs)
        {
            if (a < 0 || a >= size || b < 0 || b >= size)
                throw new ArgumentException($"transposition ({a} {b}) is outside 0..{size - 1}.", nameof(pairs));
            if (a == b)
                throw new ArgumentException($"transposition ({a} {b}) swaps an index with itself.", nameof(pairs));
            if (used[a] || used[b])
                throw new ArgumentException(
                    $"transposition ({a} {b}) shares index {(used[a] ? a : b)} with another pair; the pairs must be disjoint.",
                    nameof(pairs));
            used[a] = used[b] = true;
            image[a] = b;
            image[b] = a;
        }
        return new Permutation(image);
    }

    /// <summary>n, the number of indices.</summary>
    public int Size => _image.Length;

    /// <summary>φ(i).</summary>
    public int this[int index] => _image[index];

    /// <summary>φ(0), …, φ(n−1).</summary>
    public IReadOnlyList<int> Image => Array.AsReadOnly(_image);

    /// <summary>True when φ is the identity.</summary>
    public bool IsIdentity
    {
        get
        {
            for (int i = 0; i < _image.Length; i++)
                if (_image[i] != i) return false;
            return true;
        }
    }

    /// <summary>True when φ∘φ is the identity (φ is a product of disjoint transpositions).</summary>
    public bool IsInvolution
    {
        get
        {
            for (int i = 0; i < _image.Length; i++)
                if (_image[_image[i]] != i) return false;
            return true;
        }
    }

    /// <summary>The transpositions (i φ(i)) with i &lt; φ(i), in increasing i; for an involution their product is φ.</summary>
    /// <exception cref="InvalidOperationException">φ is not an involution.</exception>
    public IReadOnlyList<(int First, int Second)> Transpositions
    {
        get
        {
            if (!IsInvolution)
                throw new InvalidOperationException($"{this} is not an involution, so it is not a product of disjoint transpositions.");
            var pairs = new List<(int, int)>();
            for (int i = 0; i < _image.Length; i++)
                if (_image[i] > i) pairs.Add((i, _image[i]));
            return pairs;
        }
    }

    /// <summary>Throws unless φ is an involution; the message names φ in cycle notation (with <paramref name="names"/>).</summary>
    /// <exception cref="ArgumentException">φ is not an involution.</exception>
    public void RequireInvolution(IReadOnlyList<string>? names = null, string paramName = "phi")
    {
        if (!IsInvolution)
            throw new ArgumentException(
                $"{ToString(names)} is not an involution (φ∘φ ≠ identity): the copy and symmetry theorems need a product of " +
                "disjoint transpositions (docs/theory.md §1.6).", paramName);
    }

    /// <summary>The indices that φ moves.</summary>
    public IEnumerable<int> Support => Enumerable.Range(0, _image.Length).Where(i => _image[i] != i);

    /// <summary>φ⁻¹.</summary>
    public Permutation Inverse()
    {
        var inverse = new int[_image.Length];
        for (int i = 0; i < _image.Length; i++) inverse[_image[i]] = i;
        return new Permutation(inverse);
    }

    /// <summary>ψ∘φ: first φ, then <paramref name="next"/> (i ↦ ψ(φ(i))).</summary>
    public Permutation Then(Permutation next)
    {
        ArgumentNullException.ThrowIfNull(next);
        CheckSize(next.Size, nameof(next));
        var image = new int[_image.Length];
        for (int i = 0; i < _image.Length; i++) image[i] = next._image[_image[i]];
        return new Permutation(image);
    }

    /// <summary>φ·x = P_φ x: the entry x_j moves to position φ(j).</summary>
    public double[] Apply(ReadOnlySpan<double> vector)
    {
        CheckSize(vector.Length, nameof(vector));
        var result = new double[vector.Length];
        for (int j = 0; j < vector.Length; j++) result[_image[j]] = vector[j];
        return result;
    }

    /// <summary>φ·x for a vector of any entry type (for example exact rationals).</summary>
    public T[] Apply<T>(IReadOnlyList<T> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        CheckSize(vector.Count, nameof(vector));
        var result = new T[vector.Count];
        for (int j = 0; j < vector.Count; j++) result[_image[j]] = vector[j];
        return result;
    }

    private void CheckSize(int size, string paramName)
    {
        if (size != _image.Length)
            throw new ArgumentException($"{paramName} has length {size} but the permutation acts on {_image.Length} indices.", paramName);
    }

    /// <inheritdoc />
    public bool Equals(Permutation? other) => other is not null && _image.AsSpan().SequenceEqual(other._image);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Permutation);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int i in _image) hash.Add(i);
        return hash.ToHashCode();
    }

    /// <summary>Cycle notation without fixed points, e.g. "(0 3)(1 2)", or "()" for the identity.</summary>
    public override string ToString() => ToString(null);

    /// <summary>Cycle notation with each index written as <paramref name="names"/>[i] (e.g. state names), e.g.
    /// "(l r)(l_sw r_se)"; indices when <paramref name="names"/> is null.</summary>
    public string ToString(IReadOnlyList<string>? names)
    {
        if (names is not null) CheckSize(names.Count, nameof(names));
        var done = new bool[_image.Length];
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < _image.Length; i++)
        {
            if (done[i] || _image[i] == i) continue;
            text.Append('(');
            for (int j = i; !done[j]; j = _image[j])
            {
                if (j != i) text.Append(' ');
                if (names is null) text.Append(j); else text.Append(names[j]);
                done[j] = true;
            }
            text.Append(')');
        }
        return text.Length == 0 ? "()" : text.ToString();
    }
}

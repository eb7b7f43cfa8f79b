namespace PowerTheory.Retargeting;

/// <summary>
/// The distinct permutations of a multiset of doubles in lexicographic order, generated one at a time in place by the
/// classical next-permutation step (Narayana Pandita): a multiset with multiplicities m_1, …, m_r yields exactly
/// d! / (m_1! ⋯ m_r!) arrangements, never d! with duplicates.
/// </summary>
internal static class MultisetPermutations
{
    /// <summary>Sorts <paramref name="values"/> ascending: the first arrangement.</summary>
    public static void First(double[] values) => Array.Sort(values);

    /// <summary>Advances to the next arrangement in lexicographic order; false (and leaves the last one) when none is left.</summary>
    public static bool Next<T>(T[] values) where T : IComparable<T>
    {
        int i = values.Length - 2;
        while (i >= 0 && values[i].CompareTo(values[i + 1]) >= 0) i--;
        if (i < 0) return false;
        int j = values.Length - 1;
        while (values[j].CompareTo(values[i]) <= 0) j--;
        (values[i], values[j]) = (values[j], values[i]);
        Array.Reverse(values, i + 1, values.Length - i - 1);
        return true;
    }

    /// <summary>The number of distinct arrangements d! / Π m_i!, or null when it exceeds <see cref="long.MaxValue"/>.</summary>
    public static long? Count(IReadOnlyList<double> values)
    {
        var multiplicities = values.GroupBy(v => v == 0 ? 0.0 : v).Select(g => g.Count()).ToArray();
        // Multiply binomials C(n_so_far + m, m) one group at a time; each partial product is an integer.
        System.Numerics.BigInteger count = 1;
        int placed = 0;
        foreach (int m in multiplicities)
        {
            for (int k = 1; k <= m; k++) count = count * (placed + k) / k;
            placed += m;
        }
        return count <= long.MaxValue ? (long)count : null;
    }
}

namespace PowerTheory.Retargeting;

/// <summary>One level of C's expected utilities: the lotteries of C with utility exactly <see cref="Value"/>.</summary>
/// <param name="Value">The utility cᵀu shared by the level (exact double).</param>
/// <param name="Count">How many lotteries of C have it.</param>
/// <param name="CountInChosen">How many of those lie in X.</param>
internal readonly record struct UtilityLevel(double Value, int Count, int CountInChosen)
{
    /// <summary>C's levels, best first.</summary>
    public static UtilityLevel[] Descending(LotterySet chosen, LotterySet options, ReadOnlySpan<double> utility)
    {
        var values = options.ExpectedUtilities(utility);
        var byValue = new SortedDictionary<double, (int Count, int InChosen)>();
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i] == 0 ? 0.0 : values[i];
            byValue.TryGetValue(v, out var tally);
            byValue[v] = (tally.Count + 1, tally.InChosen + (chosen.Contains(options.Items[i]) ? 1 : 0));
        }
        return byValue.Reverse().Select(p => new UtilityLevel(p.Key, p.Value.Count, p.Value.InChosen)).ToArray();
    }
}

namespace PowerTheory.Symmetry;

/// <summary>One transposition of an involution, as the names of the two swapped states.</summary>
public sealed record StatePair(string First, string Second)
{
    /// <summary>For example "(l r)".</summary>
    public override string ToString() => $"({First} {Second})";
}

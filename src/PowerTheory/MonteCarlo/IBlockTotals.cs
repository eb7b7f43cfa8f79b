namespace PowerTheory.MonteCarlo;

/// <summary>What the block scheduler merges finished blocks into, in block order: the plain totals
/// (<see cref="RunTotals"/>) or the totals of an adjusting or grouping estimator (<see cref="RegressionTotals"/>).</summary>
internal interface IBlockTotals
{
    /// <summary>Samples merged so far.</summary>
    long Count { get; }

    /// <summary>Set when a time limit stopped the run before all its samples.</summary>
    bool StoppedAtTimeLimit { get; set; }

    /// <summary>Merges block <paramref name="block"/>'s partial sums (called in increasing block order).</summary>
    void Merge(BlockPartialSums sums, long block);
}

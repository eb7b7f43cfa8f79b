namespace PowerTheory.MonteCarlo;

/// <summary>
/// One block's sums of a vector statistic per slot: for each slot q, the vector z_q = (y_q, c_q1, …, c_qK) of the quantity
/// y and its K control covariates, summed as Σ(z − K₀) and the upper triangle of Σ(z − K₀)(z − K₀)ᵀ with the block's
/// first sample as the shift K₀ (so sums of nearly equal numbers keep their precision). From them the block's mean
/// vector and co-moment matrix follow; <see cref="RegressionTotals"/> merges blocks.
/// </summary>
internal sealed class BlockVectorSums
{
    public BlockVectorSums(int groups, int slots, int width)
    {
        Slots = slots;
        Width = width;
        Triangle = width * (width + 1) / 2;
        Shift = new double[groups][];
        Sum = new double[groups][];
        Cross = new double[groups][];
        for (int g = 0; g < groups; g++)
        {
            Shift[g] = new double[slots * width];
            Sum[g] = new double[slots * width];
            Cross[g] = new double[slots * Triangle];
        }
    }

    /// <summary>Slots (quantities) per group.</summary>
    public int Slots { get; }

    /// <summary>D = 1 + K: the quantity and its covariates.</summary>
    public int Width { get; }

    /// <summary>D(D+1)/2 entries of the upper triangle, row by row.</summary>
    public int Triangle { get; }

    public double[][] Shift { get; }
    public double[][] Sum { get; }
    public double[][] Cross { get; }

    public void Reset()
    {
        for (int g = 0; g < Sum.Length; g++)
        {
            Array.Clear(Sum[g]);
            Array.Clear(Cross[g]);
        }
    }

    /// <summary>Adds one sample's vectors z (slot q at [q·D, q·D + D)) to group <paramref name="g"/>; the first sample of
    /// the block sets the shift.</summary>
    public void Add(int g, ReadOnlySpan<double> z, bool first)
    {
        var shift = Shift[g];
        var sum = Sum[g];
        var cross = Cross[g];
        int d = Width;
        if (first) z[..shift.Length].CopyTo(shift);
        Span<double> dz = stackalloc double[d];
        for (int q = 0, t = 0; q < Slots; q++)
        {
            int o = q * d;
            for (int i = 0; i < d; i++)
            {
                dz[i] = z[o + i] - shift[o + i];
                sum[o + i] += dz[i];
            }
            for (int i = 0; i < d; i++)
                for (int j = i; j < d; j++) cross[t++] += dz[i] * dz[j];
        }
    }
}

namespace PowerTheory.MonteCarlo;

/// <summary>One block's partial sums: per γ, shifted sums Σ(x−K) and Σ(x−K)² (K = the block's first sample) and
/// integer counts.</summary>
internal sealed class BlockPartialSums
{
    public BlockPartialSums(int gammas, int moments, int counts, int vectorWidth = 0)
    {
        if (vectorWidth > 0) Vectors = new BlockVectorSums(gammas, moments, vectorWidth);
        Shift = new double[gammas][];
        Sum = new double[gammas][];
        SumSquares = new double[gammas][];
        Counts = new long[gammas][];
        Certifications = new Solvers.SolveCertification[gammas];
        for (int g = 0; g < gammas; g++)
        {
            Shift[g] = new double[moments];
            Sum[g] = new double[moments];
            SumSquares[g] = new double[moments];
            Counts[g] = new long[counts];
        }
    }

    public int Count { get; private set; }

    /// <summary>The vector sums (a quantity with its control covariates) of estimators that adjust or group samples;
    /// null for plain sampling, whose scalar sums are <see cref="Sum"/> and <see cref="SumSquares"/>.</summary>
    public BlockVectorSums? Vectors { get; }
    public double[][] Shift { get; }
    public double[][] Sum { get; }
    public double[][] SumSquares { get; }
    public long[][] Counts { get; }

    /// <summary>What the block's solves certified, per γ (set by the worker at the end of the block).</summary>
    public Solvers.SolveCertification[] Certifications { get; }

    public void Reset(int count)
    {
        Count = count;
        for (int g = 0; g < Sum.Length; g++)
        {
            Array.Clear(Sum[g]);
            Array.Clear(SumSquares[g]);
            Array.Clear(Counts[g]);
            Certifications[g] = default;
        }
        Vectors?.Reset();
    }

    public void Add(int g, double[] x, bool first)
    {
        var shift = Shift[g];
        var sum = Sum[g];
        var sq = SumSquares[g];
        if (first) Array.Copy(x, shift, shift.Length);
        for (int k = 0; k < shift.Length; k++)
        {
            double d = x[k] - shift[k];
            sum[k] += d;
            sq[k] += d * d;
        }
    }
}

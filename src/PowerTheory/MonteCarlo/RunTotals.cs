using PowerTheory.Solvers;
namespace PowerTheory.MonteCarlo;

/// <summary>The running totals: per γ, per statistic (count, mean, M2) merged block by block in block order
/// (Chan, Golub and LeVeque's pairwise update), and exact integer counts.
/// <para>Means are kept relative to a run-wide shift K₀ (the first block's shift, i.e. the run's first sample), so the
/// update's δ = mean_B − mean_A is computed from small, shifted numbers: with values of size |K₀| ≫ their spread, δ
/// would otherwise carry rounding errors of order ulp(K₀), which enter M2 linearly.</para></summary>
internal sealed class RunTotals : IBlockTotals
{
    private readonly double[][] _shift;
    private readonly double[][] _mean;
    private readonly double[][] _m2;
    private readonly long[][] _counts;

    public RunTotals(int gammas, int moments, int counts)
    {
        _shift = new double[gammas][];
        _mean = new double[gammas][];
        _m2 = new double[gammas][];
        _counts = new long[gammas][];
        Certifications = new SolveCertification[gammas];
        for (int g = 0; g < gammas; g++)
        {
            _shift[g] = new double[moments];
            _mean[g] = new double[moments];
            _m2[g] = new double[moments];
            _counts[g] = new long[counts];
        }
    }

    public long Count { get; private set; }

    /// <summary>True when a time limit stopped the run before all its samples (the totals hold a prefix of blocks).</summary>
    public bool StoppedAtTimeLimit { get; set; }

    /// <summary>What the solves of the merged blocks certified, per γ (maxima and sums, so in any order).</summary>
    public SolveCertification[] Certifications { get; }

    public void Merge(BlockPartialSums b, long block) => Merge(b);

    public void Merge(BlockPartialSums b)
    {
        long nb = b.Count;
        long na = Count;
        long total = na + nb;
        for (int g = 0; g < _mean.Length; g++)
        {
            var shift = _shift[g];
            var mean = _mean[g];
            var m2 = _m2[g];
            for (int k = 0; k < mean.Length; k++)
            {
                double s1 = b.Sum[g][k];
                double m2B = Math.Max(0, b.SumSquares[g][k] - s1 * s1 / nb);
                if (na == 0)
                {
                    shift[k] = b.Shift[g][k];
                    mean[k] = s1 / nb;
                    m2[k] = m2B;
                    continue;
                }
                // Block B's mean relative to K₀; K_B − K₀ is exact when K_B and K₀ are within a factor 2 (Sterbenz).
                double meanB = (b.Shift[g][k] - shift[k]) + s1 / nb;
                double delta = meanB - mean[k];
                mean[k] += delta * nb / total;
                m2[k] += m2B + delta * delta * ((double)na * nb / total);
            }
            var counts = _counts[g];
            for (int k = 0; k < counts.Length; k++) counts[k] += b.Counts[g][k];
            Certifications[g] = Certifications[g].Merge(b.Certifications[g]);
        }
        Count = total;
    }

    public MonteCarloEstimate Estimate(int g, int k)
    {
        double variance = _m2[g][k] / (Count - 1);
        return new MonteCarloEstimate(_shift[g][k] + _mean[g][k], Math.Sqrt(variance / Count), Count);
    }

    public MonteCarloEstimate Proportion(int g, int k)
    {
        double p = (double)_counts[g][k] / Count;
        return new MonteCarloEstimate(p, Math.Sqrt(Math.Max(0, p * (1 - p)) / (Count - 1)), Count);
    }
}

using PowerTheory.Solvers;

namespace PowerTheory.MonteCarlo;

/// <summary>
/// The totals of an estimator that adjusts samples by control covariates, groups them into independent replicates, or
/// both (docs/power.md, "Estimators"). Units are the independent observations: single samples for independent streams,
/// whole blocks (one scrambled point set each) for randomised quasi-Monte Carlo. Units fall into two folds by block
/// parity; each fold keeps, per slot, the mean vector and co-moment matrix of z = (y, c₁…c_K) over its units (Chan's
/// pairwise update, merged in block order, so the totals are the same for any thread count), and for replicates the
/// pooled within-block co-moments as well.
/// <para><b>Cross-fitting.</b> The coefficients β that adjust fold A's units, y − βᵀ(c − μ) with μ = E[c] known exactly,
/// are fitted on fold B only (β = C_cc⁻¹ C_cy from B's co-moments — within-block ones for replicates), and vice
/// versa. An adjusted unit is then unbiased for E[y] given the other fold, so the estimate (the mean of all adjusted
/// units) is unbiased; its standard error is that of the adjusted units. With no covariates this is the plain mean of
/// the units.</para>
/// </summary>
internal sealed class RegressionTotals : IBlockTotals
{
    private readonly int _slots, _width, _triangle;
    private readonly bool _replicates;
    private readonly long[] _units = new long[2];
    private readonly double[][][] _shift, _mean, _m2, _within; // [fold][group][slot·D + i] or [slot·T + t]
    private readonly double[][] _pMean, _pM2; // per group: replicate proportions, one unit per block
    private readonly long[][] _counts;

    public RegressionTotals(int groups, int slots, int width, int counts, bool replicates)
    {
        _slots = slots;
        _width = width;
        _triangle = width * (width + 1) / 2;
        _replicates = replicates;
        double[][][] Make(int size) => Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, groups).Select(_ => new double[size]).ToArray()).ToArray();
        _shift = Make(slots * width);
        _mean = Make(slots * width);
        _m2 = Make(slots * _triangle);
        _within = Make(slots * _triangle);
        _pMean = Enumerable.Range(0, groups).Select(_ => new double[counts]).ToArray();
        _pM2 = Enumerable.Range(0, groups).Select(_ => new double[counts]).ToArray();
        _counts = Enumerable.Range(0, groups).Select(_ => new long[counts]).ToArray();
        Certifications = new SolveCertification[groups];
    }

    public long Count { get; private set; }

    /// <summary>Independent units merged: samples, or replicates.</summary>
    public long Units => _units[0] + _units[1];

    public bool StoppedAtTimeLimit { get; set; }

    public SolveCertification[] Certifications { get; }

    private int Tri(int i, int j) => i * _width - i * (i - 1) / 2 + (j - i);

    public void Merge(BlockPartialSums b, long block)
    {
        var v = b.Vectors ?? throw new InvalidOperationException("a block without vector sums.");
        int f = (int)(block & 1);
        long nb = b.Count;
        long na = _units[f];
        long unitsB = _replicates ? 1 : nb;
        long n = na + unitsB;
        Span<double> delta = stackalloc double[_width];
        for (int g = 0; g < Certifications.Length; g++)
        {
            double[] shift = _shift[f][g], mean = _mean[f][g], m2 = _m2[f][g], within = _within[f][g];
            double[] bShift = v.Shift[g], bSum = v.Sum[g], bCross = v.Cross[g];
            for (int q = 0; q < _slots; q++)
            {
                int o = q * _width, ot = q * _triangle;
                if (na == 0) for (int i = 0; i < _width; i++) shift[o + i] = bShift[o + i];
                for (int i = 0; i < _width; i++)
                {
                    double meanB = (bShift[o + i] - shift[o + i]) + bSum[o + i] / nb;
                    delta[i] = meanB - mean[o + i];
                    mean[o + i] += delta[i] * unitsB / n;
                }
                double w = (double)na * unitsB / n;
                for (int i = 0; i < _width; i++)
                    for (int j = i; j < _width; j++)
                    {
                        int t = ot + Tri(i, j);
                        double c = bCross[t] - bSum[o + i] * bSum[o + j] / nb; // the block's own co-moment
                        if (_replicates) within[t] += c;
                        else m2[t] += c;
                        m2[t] += delta[i] * delta[j] * w;
                    }
            }
            long totalUnits = _units[0] + _units[1] + 1;
            for (int k = 0; k < _counts[g].Length; k++)
            {
                long c = b.Counts[g][k];
                _counts[g][k] += c;
                double d = (double)c / nb - _pMean[g][k];
                _pMean[g][k] += d / totalUnits;
                _pM2[g][k] += d * d * (totalUnits - 1) / totalUnits;
            }
            Certifications[g] = Certifications[g].Merge(b.Certifications[g]);
        }
        _units[f] = n;
        Count += nb;
    }

    /// <summary>The cross-fitted estimate of slot <paramref name="slot"/>'s quantity in group <paramref name="g"/>, whose
    /// covariates have the exact means <paramref name="covariateMeans"/> (K of them).</summary>
    public AdjustedEstimate Estimate(int g, int slot, ReadOnlySpan<double> covariateMeans)
    {
        int o = slot * _width, ot = slot * _triangle;
        Span<double> beta = stackalloc double[Math.Max(1, _width - 1)];
        double totalN = 0, totalMean = 0, totalM2 = 0, plainMean = 0, plainM2 = 0, within00 = 0;
        for (int f = 0; f < 2; f++)
        {
            long n = _units[f];
            if (n == 0) continue;
            var other = _replicates ? _within[1 - f][g] : _m2[1 - f][g];
            Coefficients(other, ot, _units[1 - f], beta);
            double[] mean = _mean[f][g], shift = _shift[f][g], m2 = _m2[f][g];
            double y = shift[o] + mean[o];
            double adjusted = y, adjustedM2 = m2[ot];
            for (int i = 1; i < _width; i++)
            {
                adjusted -= beta[i - 1] * (shift[o + i] + mean[o + i] - covariateMeans[i - 1]);
                adjustedM2 -= 2 * beta[i - 1] * m2[ot + Tri(0, i)];
                for (int j = 1; j < _width; j++) adjustedM2 += beta[i - 1] * beta[j - 1] * m2[ot + Tri(Math.Min(i, j), Math.Max(i, j))];
            }
            Pool(ref totalN, ref totalMean, ref totalM2, n, adjusted, Math.Max(0, adjustedM2));
            double pn = totalN - n;
            Pool(ref pn, ref plainMean, ref plainM2, n, y, m2[ot]);
            within00 += _within[f][g][ot];
        }
        long units = Units;
        double unitVariance = units > 1 ? totalM2 / (units - 1) : 0;
        double se = Math.Sqrt(unitVariance / units);
        double points = Count;
        // Per-sample variance of y about its mean: within-block plus between-unit spread.
        double perPoint = _replicates ? (within00 + plainM2 * (points / units)) / Math.Max(1, points - 1) : plainM2 / Math.Max(1, units - 1);
        var estimate = new MonteCarloEstimate(totalMean, se, Count) { Ci95Critical = Critical(units) };
        return new AdjustedEstimate(estimate, perPoint, se * se * points);
    }

    /// <summary>A proportion: for replicates the mean of the per-replicate proportions with the SE of their spread; for
    /// independent samples the pooled count with the binomial SE.</summary>
    public MonteCarloEstimate Proportion(int g, int k)
    {
        if (!_replicates)
        {
            double p = (double)_counts[g][k] / Count;
            return new MonteCarloEstimate(p, Math.Sqrt(Math.Max(0, p * (1 - p)) / (Count - 1)), Count);
        }
        long units = Units;
        double se = units > 1 ? Math.Sqrt(_pM2[g][k] / (units - 1) / units) : 0;
        return new MonteCarloEstimate(_pMean[g][k], se, Count) { Ci95Critical = Critical(units) };
    }

    /// <summary>The 97.5% quantile for the 95% interval: Student's t with units − 1 degrees of freedom for replicates
    /// (few, so the normal quantile would under-cover), the normal one for independent samples.</summary>
    private double? Critical(long units) =>
        _replicates && units > 1 ? MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, units - 1, 0.975) : null;

    private static void Pool(ref double n, ref double mean, ref double m2, double nb, double meanB, double m2B)
    {
        double total = n + nb;
        double d = meanB - mean;
        mean += d * nb / total;
        m2 += m2B + d * d * n * nb / total;
        n = total;
    }

    /// <summary>β = C_cc⁻¹ C_cy from co-moments <paramref name="c"/> (slot offset <paramref name="ot"/>) by Gaussian
    /// elimination that drops a covariate whose remaining variance is below 1e-10 of its own (collinear or constant):
    /// its β is 0. No fit (β = 0) from fewer than K + 2 units.</summary>
    private void Coefficients(double[] c, int ot, long units, Span<double> beta)
    {
        int k = _width - 1;
        beta.Clear();
        if (k == 0 || units < k + 2) return;
        Span<double> a = stackalloc double[k * k];
        Span<double> rhs = stackalloc double[k];
        Span<bool> dropped = stackalloc bool[k];
        for (int i = 0; i < k; i++)
        {
            rhs[i] = c[ot + Tri(0, i + 1)];
            for (int j = 0; j < k; j++) a[i * k + j] = c[ot + Tri(Math.Min(i, j) + 1, Math.Max(i, j) + 1)];
        }
        Span<double> scale = stackalloc double[k];
        for (int i = 0; i < k; i++) scale[i] = a[i * k + i];
        for (int p = 0; p < k; p++)
        {
            if (!(a[p * k + p] > 1e-10 * scale[p])) { dropped[p] = true; continue; }
            for (int r = p + 1; r < k; r++)
            {
                double m = a[r * k + p] / a[p * k + p];
                for (int j = p; j < k; j++) a[r * k + j] -= m * a[p * k + j];
                rhs[r] -= m * rhs[p];
            }
        }
        for (int p = k - 1; p >= 0; p--)
        {
            if (dropped[p]) continue;
            double s = rhs[p];
            for (int j = p + 1; j < k; j++) s -= a[p * k + j] * beta[j];
            beta[p] = s / a[p * k + p];
        }
    }
}

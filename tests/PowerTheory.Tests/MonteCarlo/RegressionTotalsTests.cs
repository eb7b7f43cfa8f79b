using NUnit.Framework;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests.MonteCarlo;

/// <summary>The cross-fitted control-variate totals against a direct computation on the raw samples, and the staged
/// target rule's arithmetic.</summary>
public class RegressionTotalsTests
{
    /// <summary>Blocks of (y, c) with y = 3c + noise, c ~ uniform(0,1) (mean 1/2), merged by the totals; the oracle
    /// recomputes the cross-fit from the raw arrays with a textbook least-squares slope.</summary>
    [Test]
    public void CrossFittedEstimateMatchesDirectComputation()
    {
        const int seed = 11, blocks = 10, size = 50;
        var random = new Random(seed);
        var y = new double[blocks * size];
        var c = new double[blocks * size];
        var totals = new RegressionTotals(1, 1, 2, 0, replicates: false);
        var sums = new BlockPartialSums(1, 1, 0, vectorWidth: 2);
        for (int b = 0; b < blocks; b++)
        {
            sums.Reset(size);
            sums.Vectors!.Reset();
            for (int i = 0; i < size; i++)
            {
                int k = b * size + i;
                c[k] = random.NextDouble();
                y[k] = 3 * c[k] + 0.1 * (random.NextDouble() - 0.5);
                sums.Vectors.Add(0, [y[k], c[k]], i == 0);
            }
            totals.Merge(sums, b);
        }
        var est = totals.Estimate(0, 0, [0.5]);
        // Oracle: fold f = block parity; slope from the other fold; adjusted values y − β(c − ½).
        double Slope(int fold)
        {
            var idx = Enumerable.Range(0, y.Length).Where(k => (k / size) % 2 == fold).ToArray();
            double mc = idx.Average(k => c[k]), my = idx.Average(k => y[k]);
            return idx.Sum(k => (c[k] - mc) * (y[k] - my)) / idx.Sum(k => (c[k] - mc) * (c[k] - mc));
        }
        var adjusted = Enumerable.Range(0, y.Length).Select(k => y[k] - Slope(1 - (k / size) % 2) * (c[k] - 0.5)).ToArray();
        double mean = adjusted.Average();
        double se = Math.Sqrt(adjusted.Sum(a => (a - mean) * (a - mean)) / (adjusted.Length - 1) / adjusted.Length);
        Assert.That(est.Estimate.Mean, Is.EqualTo(mean).Within(1e-12));
        Assert.That(est.Estimate.StandardError, Is.EqualTo(se).Within(1e-12));
        Assert.That(est.Estimate.Mean, Is.EqualTo(1.5).Within(4 * se), $"seed {seed}");
        double plainVariance = y.Sum(v => (v - y.Average()) * (v - y.Average())) / (y.Length - 1);
        Assert.That(est.PlainVariance, Is.EqualTo(plainVariance).Within(1e-10));
        Assert.That(est.VarianceReduction, Is.GreaterThan(100));
    }

    [Test]
    public void ReplicatesUseTheSpreadOfBlockMeansAndStudentT()
    {
        var totals = new RegressionTotals(1, 1, 1, 0, replicates: true);
        var sums = new BlockPartialSums(1, 1, 0, vectorWidth: 1);
        var means = new List<double>();
        var random = new Random(3);
        for (int b = 0; b < 16; b++)
        {
            sums.Reset(8);
            double total = 0;
            for (int i = 0; i < 8; i++)
            {
                double v = random.NextDouble();
                total += v;
                sums.Vectors!.Add(0, [v], i == 0);
            }
            means.Add(total / 8);
            totals.Merge(sums, b);
        }
        var est = totals.Estimate(0, 0, []).Estimate;
        double m = means.Average();
        double se = Math.Sqrt(means.Sum(x => (x - m) * (x - m)) / 15 / 16);
        Assert.That(est.Mean, Is.EqualTo(m).Within(1e-13));
        Assert.That(est.StandardError, Is.EqualTo(se).Within(1e-13));
        Assert.That(est.Ci95Critical, Is.EqualTo(2.131449545559323).Within(1e-9));
    }

    [Test]
    public void TargetRuleGrowsByTheEstimatedNeedInWholeBlocks()
    {
        // SE 0.02 at 1000 units, target 0.01: need 4000·1.2 = 4800 units, blocks of 256 → 4864.
        Assert.That(TargetAccuracy.NextTotal(1000, 0.02, 0.01, 1_000_000, 256), Is.EqualTo(4864));
        Assert.That(TargetAccuracy.NextTotal(1000, 0.02, 0.01, 3000, 256), Is.EqualTo(3000));
        Assert.That(TargetAccuracy.NextTotal(1024, 0.0101, 0.01, 1_000_000, 256), Is.EqualTo(1280));
    }
}

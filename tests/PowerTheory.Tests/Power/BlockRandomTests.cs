using System.Numerics;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.Rewards;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Tests.Power;

/// <summary>The per-block random streams (<see cref="BlockRandom"/>, <see cref="Xoshiro256StarStarRandom"/>) and the
/// block-by-block merge of the partial sums (<see cref="BlockPartialSums"/>, <see cref="RunTotals"/>).</summary>
public class BlockRandomTests
{
    private static readonly BigInteger Two64 = BigInteger.One << 64;

    private static Xoshiro256StarStarRandom Block(ulong seed, long block) => (Xoshiro256StarStarRandom)BlockRandom.ForBlock(seed, block);

    // ---- Reference values ------------------------------------------------------------------------------------------

    [Test]
    public void XoshiroMatchesPublishedReferenceOutputs()
    {
        // The first ten outputs of xoshiro256** from the state (1, 2, 3, 4), produced by Blackman and Vigna's reference
        // C implementation (xoshiro256starstar.c), as published in github.com/morinim/xoshiro256ss (test.cc).
        ulong[] expected =
        [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600,
            16172922978634559625, 8476171486693032832, 10595114339597558777, 2904607092377533576,
        ];
        var rng = new Xoshiro256StarStarRandom(1, 2, 3, 4);
        Assert.That(expected.Select(_ => rng.NextUInt64()).ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void SplitMix64MatchesPublishedReferenceOutputs()
    {
        // The first outputs of SplitMix64 from the state 0x1a2b3c4d5e6f7531, from Vigna's reference splitmix64.c, as
        // published in Apache Commons Math's SplitMix64Test.testReferenceCode.
        ulong[] expected = [0x4141302768c9e9d0UL, 0x64df48c4eab51b1aUL, 0x4e723b53dbd901b3UL, 0xead8394409dd6454UL];
        ulong x = 0x1a2b3c4d5e6f7531UL;
        var actual = new ulong[expected.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = BlockRandom.SplitMix64(x);
            x = unchecked(x + BlockRandom.Golden);
        }
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void BlockStreamsMatchAnIndependentBigIntegerImplementation()
    {
        // The oracle follows the papers' definitions with arbitrary-precision arithmetic reduced modulo 2⁶⁴: block b
        // starts from outputs 4b+1 … 4b+4 of the SplitMix64 sequence whose state starts at SplitMix64(seed).
        foreach (ulong seed in new ulong[] { 0, 1, 42, ulong.MaxValue })
            foreach (long block in new long[] { 0, 1, 2, 3, 1000, 999_999, (1L << 62) - 1 })
            {
                BigInteger k0 = OracleSplitMix(seed);
                var state = new BigInteger[4];
                for (int i = 0; i < 4; i++)
                    state[i] = OracleFinaliser((k0 + (4 * (BigInteger)block + i + 1) * BlockRandom.Golden) % Two64);
                var rng = Block(seed, block);
                for (int n = 0; n < 200; n++)
                {
                    BigInteger expected = OracleXoshiroNext(state);
                    Assert.That((BigInteger)rng.NextUInt64(), Is.EqualTo(expected), $"seed {seed}, block {block}, draw {n}");
                }
            }
    }

    [Test]
    public void SmallBlocksFollowTheSplitMix64SequenceStepByStep()
    {
        // Blocks 0..4 of one seed use consecutive, non-overlapping quadruples of one SplitMix64 sequence.
        const ulong seed = 12345;
        ulong x = BlockRandom.SplitMix64(seed);
        for (long block = 0; block < 5; block++)
        {
            var words = new ulong[4];
            for (int i = 0; i < 4; i++)
            {
                words[i] = BlockRandom.SplitMix64(x);
                x = unchecked(x + BlockRandom.Golden);
            }
            var (s0, s1, s2, s3) = BlockRandom.BlockState(seed, block);
            Assert.That(new[] { s0, s1, s2, s3 }, Is.EqualTo(words), $"block {block}");
        }
    }

    // ---- Stream independence -----------------------------------------------------------------------------------------

    [Test]
    public void NoTwoOfAMillionBlocksShareTheirFirstDraw()
    {
        // Guaranteed, not just likely: all state words of a run are distinct and the first output is a bijection of s₁.
        const int blocks = 1_000_000;
        var first = new ulong[blocks];
        for (int b = 0; b < blocks; b++) first[b] = Block(2024, b).NextUInt64();
        Array.Sort(first);
        for (int i = 1; i < blocks; i++)
            if (first[i] == first[i - 1]) Assert.Fail($"two blocks share the first draw {first[i]:X16}");
    }

    [Test]
    public void NoTwoBlocksShareAStateWord()
    {
        const int blocks = 100_000;
        var words = new ulong[4 * blocks];
        for (int b = 0; b < blocks; b++)
        {
            var (s0, s1, s2, s3) = BlockRandom.BlockState(7, b);
            words[4 * b] = s0;
            words[4 * b + 1] = s1;
            words[4 * b + 2] = s2;
            words[4 * b + 3] = s3;
        }
        Assert.That(words.Distinct().Count(), Is.EqualTo(words.Length));
    }

    [Test]
    public void BlockIndexMustBeInRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockRandom.ForBlock(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockRandom.ForBlock(1, BlockRandom.MaxBlocks));
        Assert.That(BlockRandom.ForBlock(1, BlockRandom.MaxBlocks - 1).NextDouble(), Is.InRange(0.0, 1.0));
        Assert.Throws<ArgumentException>(() => _ = new Xoshiro256StarStarRandom(0, 0, 0, 0));
    }

    // ---- NextDouble and reproducibility --------------------------------------------------------------------------

    [Test]
    public void NextDoubleIsTheTop53BitsScaledIntoTheUnitInterval()
    {
        var bits = Block(3, 17);
        var doubles = Block(3, 17);
        double sum = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            ulong x = bits.NextUInt64();
            double d = doubles.NextDouble();
            Assert.That(d, Is.EqualTo((x >> 11) / 9007199254740992.0)); // 2⁵³
            if (!(d >= 0 && d < 1)) Assert.Fail($"draw {i}: {d} is outside [0, 1)");
            sum += d;
        }
        Assert.That(sum / n, Is.EqualTo(0.5).Within(5 * Math.Sqrt(1.0 / 12 / n)));
        // The extremes: output 0 gives 0 (the second output from the state (1,2,3,4) is 0); the largest is 1 − 2⁻⁵³.
        var zero = new Xoshiro256StarStarRandom(1, 2, 3, 4);
        zero.NextDouble();
        Assert.That(zero.NextDouble(), Is.EqualTo(0.0));
        Assert.That((ulong.MaxValue >> 11) / 9007199254740992.0, Is.LessThan(1.0));
    }

    [Test]
    public void SameSeedAndBlockGiveTheSameSequence()
    {
        var a = BlockRandom.ForBlock(99, 12);
        var b = BlockRandom.ForBlock(99, 12);
        for (int i = 0; i < 1000; i++)
        {
            Assert.That(a.NextDouble(), Is.EqualTo(b.NextDouble()));
            Assert.That(a.Next(1000), Is.EqualTo(b.Next(1000)));
        }
    }

    [Test]
    public void OtherBlocksAndSeedsGiveOtherSequences()
    {
        double[] Draws(ulong seed, long block)
        {
            var r = BlockRandom.ForBlock(seed, block);
            return Enumerable.Range(0, 16).Select(_ => r.NextDouble()).ToArray();
        }
        var reference = Draws(99, 12);
        foreach (var (seed, block) in new (ulong, long)[] { (99, 11), (99, 13), (98, 12), (100, 12), (12, 99) })
        {
            var other = Draws(seed, block);
            Assert.That(other.Zip(reference).Count(p => p.First == p.Second), Is.Zero, $"seed {seed}, block {block}");
        }
    }

    [Test]
    public void IntegerAndByteDrawsStayInRange()
    {
        var rng = BlockRandom.ForBlock(5, 0);
        var seen = new bool[7];
        for (int i = 0; i < 10_000; i++)
        {
            int k = rng.Next(7);
            Assert.That(k, Is.InRange(0, 6));
            seen[k] = true;
            Assert.That(rng.Next(-3, 4), Is.InRange(-3, 3));
            Assert.That(rng.Next(), Is.InRange(0, int.MaxValue - 1));
            Assert.That(rng.NextInt64(), Is.InRange(0, long.MaxValue - 1));
            Assert.That(rng.NextInt64(long.MinValue, long.MaxValue), Is.LessThan(long.MaxValue));
            Assert.That(rng.NextInt64(10, 20), Is.InRange(10, 19));
            Assert.That(rng.NextSingle(), Is.InRange(0f, 1f).And.LessThan(1f));
        }
        Assert.That(seen, Is.All.True);
        Assert.That(rng.Next(0), Is.Zero);
        Assert.That(rng.Next(1), Is.Zero);
        Assert.That(rng.Next(5, 5), Is.EqualTo(5));
        var bytes = new byte[13];
        var again = new byte[13];
        BlockRandom.ForBlock(5, 1).NextBytes(bytes);
        BlockRandom.ForBlock(5, 1).NextBytes(again.AsSpan());
        Assert.That(again, Is.EqualTo(bytes));
        Assert.That(bytes.Any(x => x != 0), Is.True);
    }

    // ---- The block merge ---------------------------------------------------------------------------------------------

    [Test]
    public void BlockMergeMatchesExactStatisticsDespiteALargeOffset()
    {
        // Blocks of unequal sizes; moment 0 is 1e6 + N(0, 1e-3), moment 1 is −3e9 + U(0, 1e-2), moment 2 small values.
        // The exact mean and n−1 variance of the same doubles are computed with rational arithmetic (BigInteger).
        int[] sizes = [1, 7, 256, 3, 100, 2, 1, 31];
        const int moments = 3;
        var rng = new Random(4242);
        var totals = new RunTotals(1, moments, 1);
        var sums = new BlockPartialSums(1, moments, 1);
        var all = Enumerable.Range(0, moments).Select(_ => new List<double>()).ToArray();
        var x = new double[moments];
        foreach (int size in sizes)
        {
            sums.Reset(size);
            for (int i = 0; i < size; i++)
            {
                x[0] = 1e6 + 1e-3 * Gaussian(rng);
                x[1] = -3e9 + 1e-2 * rng.NextDouble();
                x[2] = rng.NextDouble() - 0.5;
                for (int k = 0; k < moments; k++) all[k].Add(x[k]);
                sums.Add(0, x, first: i == 0);
            }
            totals.Merge(sums);
        }
        Assert.That(totals.Count, Is.EqualTo(sizes.Sum()));
        for (int k = 0; k < moments; k++)
        {
            var (mean, variance) = ExactMeanAndVariance(all[k]);
            var estimate = totals.Estimate(0, k);
            Assert.That(estimate.Mean, Is.EqualTo(mean).Within(1e-14 * Math.Abs(mean)), $"moment {k}: mean");
            double se = Math.Sqrt(variance / all[k].Count);
            Assert.That(estimate.StandardError, Is.EqualTo(se).Within(1e-12 * se), $"moment {k}: standard error");
            Assert.That(estimate.Samples, Is.EqualTo(all[k].Count));
        }
    }

    [Test]
    public void EstimatorMatchesTwoPassStatisticsOfTheKeptSamples()
    {
        // End to end: small, uneven blocks (1000 = 142·7 + 6), two threads, rewards with a large offset; the mean and
        // the standard error √(s²/N) with the n−1 sample variance s² must match a two-pass computation over the
        // per-sample values kept by the estimator.
        var mdp = PaperMdps.OptspFigure1();
        var rewards = RewardDistribution.Iid(ScalarDistribution.Uniform(1e6, 1e6 + 1e-2));
        double[] gammas = [0.5, 0.9];
        foreach (var dist in new[] { RewardDistribution.UniformIid, rewards })
        {
            var result = new PowerEstimator(mdp, dist).Estimate(gammas,
                new PowerOptions { Samples = 1000, BlockSize = 7, Threads = 2, Seed = 31, KeepSamples = true });
            int n = mdp.StateCount;
            for (int g = 0; g < gammas.Length; g++)
            {
                var values = result.SampleValues(g);
                Assert.That(values.Length, Is.EqualTo(1000 * n));
                for (int s = 0; s < n; s++)
                {
                    var column = new double[1000];
                    for (int i = 0; i < column.Length; i++) column[i] = values[i * n + s];
                    double mean = column.Average();
                    double variance = column.Sum(v => (v - mean) * (v - mean)) / (column.Length - 1);
                    double se = Math.Sqrt(variance / column.Length);
                    var estimate = result.ByGamma[g].Power(s);
                    Assert.That(estimate.Samples, Is.EqualTo(1000));
                    Assert.That(estimate.Mean, Is.EqualTo(mean).Within(1e-12 * Math.Abs(mean)), $"{dist.Spec}, γ = {gammas[g]}, state {s}: mean");
                    Assert.That(estimate.StandardError, Is.EqualTo(se).Within(1e-12 * se + 1e-300), $"{dist.Spec}, γ = {gammas[g]}, state {s}: SE");
                }
            }
        }
    }

    // ---- Oracles --------------------------------------------------------------------------------------------------

    private static BigInteger OracleFinaliser(BigInteger z)
    {
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL) % Two64;
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EBUL) % Two64;
        return z ^ (z >> 31);
    }

    private static BigInteger OracleSplitMix(BigInteger x) => OracleFinaliser((x + 0x9E3779B97F4A7C15UL) % Two64);

    private static BigInteger RotateLeft(BigInteger v, int k) => ((v << k) % Two64) + (v >> (64 - k));

    /// <summary>One xoshiro256** step on a state held as four BigIntegers in [0, 2⁶⁴).</summary>
    private static BigInteger OracleXoshiroNext(BigInteger[] s)
    {
        BigInteger result = RotateLeft(s[1] * 5 % Two64, 7) * 9 % Two64;
        BigInteger t = (s[1] << 17) % Two64;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = RotateLeft(s[3], 45);
        return result;
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>The exact mean and n−1 variance of doubles, by rational arithmetic, rounded to double at the end.</summary>
    private static (double Mean, double Variance) ExactMeanAndVariance(IReadOnlyList<double> xs)
    {
        // Every double is m·2^e with integer m; scale all by 2^L (L = the largest −e) to get exact integers X.
        int scale = 0;
        foreach (double x in xs)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF);
            scale = Math.Max(scale, 1075 - Math.Max(exponent, 1)); // the value of the last mantissa bit is 2^(e−1075)
        }
        BigInteger s1 = 0, s2 = 0;
        foreach (double x in xs)
        {
            BigInteger xi = Scaled(x, scale);
            s1 += xi;
            s2 += xi * xi;
        }
        int count = xs.Count;
        // mean = S₁/(N·2^L); variance = (N·S₂ − S₁²)/(N(N−1)·2^(2L)).
        double mean = Ratio(s1, count * BigInteger.Pow(2, scale));
        double variance = Ratio(count * s2 - s1 * s1, (BigInteger)count * (count - 1) * BigInteger.Pow(2, 2 * scale));
        return (mean, variance);
    }

    private static BigInteger Scaled(double x, int scale)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent != 0) mantissa |= 1L << 52;
        else exponent = 1;
        BigInteger m = mantissa * BigInteger.Pow(2, exponent - 1075 + scale);
        return x < 0 ? -m : m;
    }

    /// <summary>p/q rounded to double (to within an ulp or so), for q &gt; 0.</summary>
    private static double Ratio(BigInteger p, BigInteger q)
    {
        // Shift so the quotient has about 64 significant bits, then divide in integers and convert.
        long shift = (long)(q.GetBitLength() - BigInteger.Abs(p).GetBitLength()) + 64;
        BigInteger quotient = shift >= 0 ? (p << (int)shift) / q : p / (q << (int)-shift);
        return Math.ScaleB((double)quotient, (int)-shift);
    }
}

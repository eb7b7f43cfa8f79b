using PowerTheory.MonteCarlo.Sampling;

namespace PowerTheory.Tests.MonteCarlo.Sampling;

/// <summary><see cref="OwenScramble"/>: the four-at-a-time path gives bit for bit the scalar results, at every
/// precision and for every remainder length; the scramble is a bijection on cells (distinct leading bits stay distinct).</summary>
public class OwenScrambleTests
{
    [Test]
    public void TheVectorPathEqualsTheScalarOne()
    {
        var random = new Random(31);
        for (int precision = 1; precision <= 32; precision++)
            foreach (int length in new[] { 1, 3, 4, 7, 64, 101 })
            {
                var x = new uint[length];
                var keys = new ulong[length];
                for (int j = 0; j < length; j++)
                {
                    x[j] = (uint)random.NextInt64(0, 1L << 32);
                    keys[j] = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1);
                }
                x[0] = 0;
                if (length > 1) x[1] = uint.MaxValue;
                var u = new double[length];
                OwenScramble.Apply(x, keys, precision, u);
                for (int j = 0; j < length; j++)
                    Assert.That(u[j], Is.EqualTo(OwenScramble.Scalar(x[j], keys[j], precision)), $"precision {precision}, coordinate {j} of {length}");
            }
    }

    [Test]
    public void LeadingBitsArePermuted()
    {
        // All 2¹² 12-bit prefixes under one key land in 2¹² distinct 12-bit cells.
        const int m = 12;
        foreach (int precision in new[] { 12, 20, 32 })
        {
            var x = Enumerable.Range(0, 1 << m).Select(i => (uint)i << (32 - m)).ToArray();
            var keys = Enumerable.Repeat(0x0123456789ABCDEFUL, x.Length).ToArray();
            var u = new double[x.Length];
            OwenScramble.Apply(x, keys, precision, u);
            Assert.That(u.Select(v => (int)(v * (1 << m))).Distinct().Count(), Is.EqualTo(1 << m), $"precision {precision}");
            Assert.That(u.All(v => v > 0 && v < 1), Is.True);
        }
    }
}

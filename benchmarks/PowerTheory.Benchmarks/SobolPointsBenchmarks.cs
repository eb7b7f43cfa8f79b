using BenchmarkDotNet.Attributes;
using PowerTheory.MonteCarlo.Sampling;

namespace PowerTheory.Benchmarks;

/// <summary>
/// One <see cref="ScrambledSobolPoints.Next"/> (write the scrambled point, advance by one XOR per dimension) at 220 and
/// 10,000 dimensions, with all 32 leading bits scrambled node by node and with 16 (the setting for up to 2¹⁶ points
/// per scramble with some slack, fewer hashes). Each invocation draws <see cref="PointsPerInvocation"/> points.
/// </summary>
[MemoryDiagnoser]
public class SobolPointsBenchmarks
{
    /// <summary>Points per benchmark invocation; divide the reported time by it for ns/point.</summary>
    public const int PointsPerInvocation = 64;

    private ScrambledSobolPoints _points = null!;
    private double[] _u = null!;

    /// <summary>Coordinates per point.</summary>
    [Params(220, 10_000)]
    public int Dimensions { get; set; }

    /// <summary>Leading bits scrambled node by node.</summary>
    [Params(32, 16)]
    public int PrecisionBits { get; set; }

    /// <summary>Builds the generator (and decodes the direction numbers) once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _points = new ScrambledSobolPoints(Dimensions, seed: 1, scramble: 0, PrecisionBits);
        _u = new double[Dimensions];
    }

    /// <summary><see cref="PointsPerInvocation"/> consecutive points, wrapping back to point 0 long before 2³².</summary>
    [Benchmark(OperationsPerInvoke = PointsPerInvocation)]
    public double Next()
    {
        if (_points.Index > 1 << 30) _points.Seek(0);
        for (int i = 0; i < PointsPerInvocation; i++) _points.Next(_u);
        return _u[0];
    }
}

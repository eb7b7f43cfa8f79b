using BenchmarkDotNet.Attributes;
using PowerTheory.Environments;
using PowerTheory.Power;

namespace PowerTheory.Benchmarks;

/// <summary>
/// The exact γ = 1 limit at scale (issue #19, item 6): all-state POWER on long stochastic chains (left/right move with
/// probability 0.8, stay is sure; IID uniform(0,1) rewards, every core), reported per sample (OperationsPerInvoke). The
/// chain is the worst case of the old Blackwell iteration (a basin of width w took w improvement steps); figures in
/// docs/performance.md, "Scale of the exact γ = 1 limit".
/// </summary>
[MemoryDiagnoser]
public class Gamma1ScaleBenchmarks
{
    private PowerEstimator _chain10k = null!;
    private PowerEstimator _chain100k = null!;

    [GlobalSetup]
    public void Setup()
    {
        _chain10k = new PowerEstimator(StochasticChain.Create(10_000));
        _chain100k = new PowerEstimator(StochasticChain.Create(100_000));
    }

    private static double Run(PowerEstimator estimator, int samples) =>
        estimator.Estimate(1.0, new PowerOptions { Samples = samples, Seed = 1 }).Power(0).Mean;

    /// <summary>10⁴-cell chain, γ = 1: 8 samples.</summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public double Chain10k_Gamma1_PerSample() => Run(_chain10k, 8);

    /// <summary>10⁵-cell chain, γ = 1: 2 samples.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public double Chain100k_Gamma1_PerSample() => Run(_chain100k, 2);
}

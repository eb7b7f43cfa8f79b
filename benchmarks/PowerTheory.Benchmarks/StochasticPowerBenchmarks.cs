using BenchmarkDotNet.Attributes;
using PowerTheory.Environments;
using PowerTheory.Power;

namespace PowerTheory.Benchmarks;

/// <summary>
/// All-state Monte Carlo POWER on slippery gridworlds (slip 0.1, IID uniform(0,1) rewards, every core), reported per
/// sample (OperationsPerInvoke): the issue #11 workloads — the 20×20 map and the 30×30 and 100×100 open grids at
/// γ = 0.99, the 20×20 map at γ = 1 — and a 10⁵-state open grid (316×316) for the scaling. Each per-sample solve is
/// certified (PowerAtDiscount.Certification). The side-by-side comparison with the numpy baseline is
/// benchmarks/stochastic-side-by-side.sh; figures in docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class StochasticPowerBenchmarks
{
    private PowerEstimator _map20 = null!;
    private PowerEstimator _open30 = null!;
    private PowerEstimator _open100 = null!;
    private PowerEstimator _open316 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _map20 = new PowerEstimator(Gridworld.FromAscii(GridMaps.Map20, slip: 0.1));
        _open30 = new PowerEstimator(Gridworld.Open(30, 30, slip: 0.1));
        _open100 = new PowerEstimator(Gridworld.Open(100, 100, slip: 0.1));
        _open316 = new PowerEstimator(Gridworld.Open(316, 316, slip: 0.1));
    }

    private static double Run(PowerEstimator estimator, double gamma, int samples) =>
        estimator.Estimate(gamma, new PowerOptions { Samples = samples, Seed = 1 }).Power(0).Mean;

    /// <summary>20×20 map, slip 0.1, γ = 0.99: 2,000 samples.</summary>
    [Benchmark(OperationsPerInvoke = 2_000)]
    public double Map20Slip_Gamma099_PerSample() => Run(_map20, 0.99, 2_000);

    /// <summary>30×30 open grid, slip 0.1, γ = 0.99: 400 samples.</summary>
    [Benchmark(OperationsPerInvoke = 400)]
    public double Open30Slip_Gamma099_PerSample() => Run(_open30, 0.99, 400);

    /// <summary>100×100 open grid, slip 0.1, γ = 0.99: 40 samples.</summary>
    [Benchmark(OperationsPerInvoke = 40)]
    public double Open100Slip_Gamma099_PerSample() => Run(_open100, 0.99, 40);

    /// <summary>20×20 map, slip 0.1, γ = 1 (Blackwell policy iteration, no LP): 400 samples.</summary>
    [Benchmark(OperationsPerInvoke = 400)]
    public double Map20Slip_Gamma1_PerSample() => Run(_map20, 1.0, 400);

    /// <summary>316×316 open grid (99,856 states), slip 0.1, γ = 0.99: 4 samples.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public double Open316Slip_Gamma099_PerSample() => Run(_open316, 0.99, 4);
}

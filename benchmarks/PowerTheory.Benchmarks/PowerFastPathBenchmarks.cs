using BenchmarkDotNet.Attributes;
using PowerTheory.Mdps;
using PowerTheory.Power;

namespace PowerTheory.Benchmarks;

/// <summary>
/// The optional non-dominated fast path (<see cref="PowerOptions.UseNonDominatedSets"/>) against the per-sample solvers on
/// a small stochastic MDP, where the per-sample γ = 1 solver is a multichain LP: 20,000 samples at γ = 1 and γ = 0.9.
/// The fast-path figures include building F_nd(s) / RSD_nd(s) for every state once per run.
/// </summary>
[MemoryDiagnoser]
public class PowerFastPathBenchmarks
{
    private PowerEstimator _fork = null!;

    /// <summary>γ for the run.</summary>
    [Params(0.9, 1.0)]
    public double Gamma { get; set; }

    [GlobalSetup]
    public void Setup() => _fork = new PowerEstimator(StochasticFork());

    /// <summary>Per-sample solver (policy iteration with dense LU for γ &lt; 1, GLOP multichain LP at γ = 1).</summary>
    [Benchmark(Baseline = true)]
    public double PerSampleSolver() =>
        _fork.Estimate(Gamma, new PowerOptions { Samples = 20_000, Seed = 1 }).Power(0).Mean;

    /// <summary>max over F_nd(s) (RSD_nd(s) at γ = 1) per sample.</summary>
    [Benchmark]
    public double NonDominatedFastPath() =>
        _fork.Estimate(Gamma, new PowerOptions { Samples = 20_000, Seed = 1, UseNonDominatedSets = true }).Power(0).Mean;

    /// <summary>A 7-state stochastic fork with a return edge (so that γ = 1 has a non-trivial recurrent structure).</summary>
    public static Mdp StochasticFork() =>
        new MdpBuilder("stochastic-fork")
            .AddStates("s", "a", "b", "t1", "t2", "t3", "t4")
            .AddAction("s", "left", ("a", 0.8), ("b", 0.2)).AddAction("s", "right", ("b", 0.8), ("a", 0.2))
            .AddAction("a", "x", ("t1", 0.5), ("t2", 0.5)).AddAction("a", "y", "t3")
            .AddAction("b", "x", ("t3", 0.5), ("t4", 0.5)).AddAction("b", "y", "t4")
            .AddAction("t1", "stay", "t1").AddAction("t2", "stay", "t2")
            .AddAction("t3", "stay", "t3").AddAction("t3", "back", "s")
            .AddAction("t4", "stay", "t4")
            .Build();
}

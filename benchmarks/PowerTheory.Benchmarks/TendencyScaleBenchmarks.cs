using BenchmarkDotNet.Attributes;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Power;

namespace PowerTheory.Benchmarks;

/// <summary>
/// Tendencies on the solver kernel beside POWER on the same MDP and samples (issue #20, item 1): the cost per sample of
/// a tendency run of the optimal agent — which always also runs the random reference — against `power` for the same
/// seed, at γ = 0.9, every core, POWER^pol of every state included, no certificate search. Reported per sample
/// (OperationsPerInvoke). Figures in docs/performance.md, "Tendencies on the solver kernel".
/// </summary>
[MemoryDiagnoser]
public class TendencyScaleBenchmarks
{
    private Mdp _mdp = null!;
    private int _start;

    /// <summary>The MDP: the 20×20 slip map, a 100×100 deterministic grid, a 100×100 grid with slip 0.1.</summary>
    [Params("map20:slip=0.1", "open:rows=100,cols=100", "open:rows=100,cols=100,slip=0.1")]
    public string Model { get; set; } = "map20:slip=0.1";

    private int Samples => Model.Contains("slip=0.1", StringComparison.Ordinal) && Model.StartsWith("open", StringComparison.Ordinal) ? 16 : 64;

    [GlobalSetup]
    public void Setup()
    {
        _mdp = BuiltInEnvironments.Create(Model);
        _start = _mdp.StateCount / 2;
    }

    /// <summary>`tendencies -d optimal` (optimal + random reference), per sample.</summary>
    [Benchmark]
    public double Tendencies_Optimal()
    {
        var r = new TendencyEstimator(_mdp).Estimate([DecisionMaker.Optimal], 0.9, _start,
            new TendencyOptions { Samples = Samples, Seed = 1, CertificateBudget = null });
        return r.Optimal.Power![0].Mean;
    }

    /// <summary>`power` on the same samples.</summary>
    [Benchmark(Baseline = true)]
    public double Power() => new PowerEstimator(_mdp).Estimate(0.9, new PowerOptions { Samples = Samples, Seed = 1 }).Power(0).Mean;
}

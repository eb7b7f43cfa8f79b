using BenchmarkDotNet.Attributes;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Mdps;

namespace PowerTheory.Benchmarks;

/// <summary>
/// Tendencies of each built-in decision-maker on the 7×7 maze (31 states) at γ = 0.9 with 10,000 reward samples
/// (Q-learning and SARSA with 200 episodes of |S| steps), POWER^pol of every state included, using every core. Every run
/// also evaluates the optimal and the random reference agents, so the <c>optimal</c> case is the fixed cost of a run and
/// the others' excess over it is the decision-maker's own.
/// </summary>
[MemoryDiagnoser]
public class TendenciesBenchmarks
{
    private Mdp _maze = null!;
    private int _start;

    /// <summary>The decision-maker spec.</summary>
    [Params("optimal", "random", "boltzmann:T=0.1", "epsilon-greedy:eps=0.1", "horizon:H=1", "satisfice:q=0.8", "aup:lambda=0.5",
        "qlearning:episodes=200", "sarsa:episodes=200")]
    public string Decision { get; set; } = "optimal";

    [GlobalSetup]
    public void Setup()
    {
        _maze = Gridworld.FromAscii(GridMaps.Maze7);
        _start = 0;
    }

    /// <summary>One tendency run: 10,000 samples, γ = 0.9.</summary>
    [Benchmark]
    public double Maze7_Gamma09_10000Samples() =>
        new TendencyEstimator(_maze).Estimate([DecisionMakerSpec.Parse(Decision)], 0.9, _start,
            new TendencyOptions { Samples = 10_000, Seed = 1, CertificateBudget = null }).DecisionMakers[0].ActionProbabilities[0].Mean;
}

using BenchmarkDotNet.Attributes;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Benchmarks;

/// <summary>
/// V* of the open 1000×1000 gridworld (10^6 states, 4.996·10^6 state-action pairs) at γ = 0.99, single reward, by
/// policy iteration (exact). Two readings of "single reward": a seeded uniform(0,1) reward vector and a single goal
/// (reward 1 in the bottom-right corner, 0 elsewhere). The target: under 10 s and under 2 GB on 2 cores.
/// </summary>
[MemoryDiagnoser]
public class OptimalValueBenchmarks
{
    private Mdp _grid = null!;
    private double[] _uniformReward = null!;
    private double[] _goalReward = null!;

    /// <summary>Builds the grid and the two rewards once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _grid = Gridworld.Open(1000, 1000);
        var random = new Random(12345);
        _uniformReward = new double[_grid.StateCount];
        for (int s = 0; s < _uniformReward.Length; s++) _uniformReward[s] = random.NextDouble();
        _goalReward = new double[_grid.StateCount];
        _goalReward[_grid.StateCount - 1] = 1.0;
    }

    /// <summary>Policy iteration, seeded uniform(0,1) reward.</summary>
    [Benchmark]
    public double PolicyIterationUniformReward() => PolicyIteration.Solve(_grid, _uniformReward, 0.99)[0];

    /// <summary>Policy iteration, single-goal reward.</summary>
    [Benchmark]
    public double PolicyIterationSingleGoal() => PolicyIteration.Solve(_grid, _goalReward, 0.99)[0];
}

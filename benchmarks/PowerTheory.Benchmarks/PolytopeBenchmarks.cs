using BenchmarkDotNet.Attributes;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Budgets;
using PowerTheory.Polytope;

namespace PowerTheory.Benchmarks;

/// <summary>
/// F_nd(s) by <see cref="NonDominatedSearch"/>: every state of the 7×7 maze (complete), the chain of 12 binary choices
/// (4096 vertices, complete), and the first open state of the 20×20 map under a node budget (F_nd there is far too large
/// to finish; this measures the search's throughput).
/// </summary>
[MemoryDiagnoser]
public class PolytopeBenchmarks
{
    private const double Gamma = 0.37;
    private Mdp _maze = null!;
    private Mdp _map = null!;
    private Mdp _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _maze = Gridworld.FromAscii(GridMaps.Maze7);
        _map = Gridworld.FromAscii(GridMaps.Map20);
        _chain = BinaryChoiceChain.Create(12);
    }

    /// <summary>F_nd for all 31 states of the maze; returns the total vertex count.</summary>
    [Benchmark]
    public int Maze7AllStates()
    {
        int total = 0;
        for (int s = 0; s < _maze.StateCount; s++)
        {
            var set = NonDominatedSearch.Run(_maze, s, Gamma);
            if (!set.IsComplete) throw new InvalidOperationException("maze search incomplete");
            total += set.Count;
        }
        return total;
    }

    /// <summary>F_nd(c0) of the chain of 12 binary choices: 4096 vertices.</summary>
    [Benchmark]
    public int Chain12()
    {
        var set = NonDominatedSearch.Run(_chain, 0, Gamma);
        if (!set.IsComplete || set.Count != 4096) throw new InvalidOperationException("chain search wrong");
        return set.Count;
    }

    /// <summary>The 20×20 map, first state, stopped after 100,000 search nodes (incomplete by design).</summary>
    [Benchmark]
    public int Map20FirstStateBudgeted()
    {
        var set = NonDominatedSearch.Run(_map, 0, Gamma, new NonDominatedSearchOptions { Budget = new SearchBudget(100_000, double.PositiveInfinity) });
        return set.Count;
    }
}

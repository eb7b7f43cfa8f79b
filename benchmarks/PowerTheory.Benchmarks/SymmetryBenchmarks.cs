using BenchmarkDotNet.Attributes;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Symmetry;

namespace PowerTheory.Benchmarks;

/// <summary>
/// The symmetry finders (issue targets): OPTSP Prop 6.9 at ⋆ of Figure 1 (right vs left), and Prop 6.6 between two
/// cells of the 7×7 maze and between mirrored cells of the 20×20 map (the latter must answer within 10 s). Each returns
/// 1 when certified, 0 otherwise, so a change of answer shows in the results.
/// </summary>
[MemoryDiagnoser]
public class SymmetryBenchmarks
{
    private Mdp _figure1 = null!;
    private Mdp _maze = null!;
    private Mdp _map = null!;

    [GlobalSetup]
    public void Setup()
    {
        _figure1 = PaperMdps.OptspFigure1();
        _maze = Gridworld.FromAscii(GridMaps.Maze7);
        _map = Gridworld.FromAscii(GridMaps.Map20);
    }

    /// <summary>Prop 6.9 at ⋆: right keeps more options open than left (certified, with both items).</summary>
    [Benchmark]
    public int Figure1_Prop69_Star()
    {
        int star = _figure1.StateIndex("star");
        return SymmetryFinder.KeepsOptionsOpen(_figure1, star, _figure1.ActionIndex(star, "right"), _figure1.ActionIndex(star, "left")).N;
    }

    /// <summary>Prop 6.6 between the maze's corner r0c0 and r6c6 (an exhaustive "none" or a certificate).</summary>
    [Benchmark]
    public int Maze7_Prop66()
    {
        return SymmetryFinder.PowerDominance(_maze, _maze.StateIndex("r0c0"), _maze.StateIndex("r6c6")).N;
    }

    /// <summary>Prop 6.6 between mirrored cells r13c0 and r13c19 of the 20×20 map (certified structurally).</summary>
    [Benchmark]
    public int Map20_Prop66_Mirror()
    {
        return SymmetryFinder.PowerDominance(_map, _map.StateIndex("r13c0"), _map.StateIndex("r13c19")).N;
    }
}

namespace PowerTheory.Environments;

/// <summary>The ASCII maps of the benchmark workloads (row 0 on top; <c>.</c> open, <c>#</c> wall).</summary>
public static class GridMaps
{
    /// <summary>A 3×3 open grid (9 cells).</summary>
    public const string Grid3 = """
        ...
        ...
        ...
        """;

    /// <summary>The 7×7 maze of the POWERplay comparison (31 open cells).</summary>
    public const string Maze7 = """
        .......
        .##.###
        ....###
        .##....
        .##.##.
        .##....
        ....##.
        """;

    /// <summary>The 20×20 map of the POWERplay comparison (220 open cells).</summary>
    public const string Map20 = """
        ######...##...######
        ######...##...######
        #######.####.#######
        #######.####.#######
        #######.####.#######
        #######.####.#######
        ##................##
        ##................##
        ##................##
        ##..####....####..##
        ....####....####....
        ....####....####....
        ....####....####....
        ....................
        .........##.........
        .........##.........
        ##...#........#...##
        ##...##########...##
        ##................##
        ##................##
        """;
}

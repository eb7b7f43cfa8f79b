namespace PowerTheory.Internal;

/// <summary>
/// The one path-to-cycle walk of the library: splits a functional graph (every node i has exactly one successor
/// next(i), as a deterministic policy induces on a deterministic MDP) into its cycles and the transient nodes on the
/// paths into them. Cycles are listed in successor order from the node where the walk entered them; transient nodes
/// are listed so that each comes after its successor (so values can be filled in one pass). O(n), allocation-free after
/// construction.
/// </summary>
internal sealed class FunctionalGraphCycles
{
    private readonly int[] _mark;          // 0 unvisited, −1 done, k+1 on the current path at position k
    private readonly int[] _path;
    private readonly int[] _cycleNodes;
    private readonly int[] _cycleOffsets;
    private readonly int[] _transient;

    /// <summary>Buffers for graphs of up to <paramref name="size"/> nodes.</summary>
    public FunctionalGraphCycles(int size)
    {
        _mark = new int[size];
        _path = new int[size];
        _cycleNodes = new int[size];
        _cycleOffsets = new int[size + 1];
        _transient = new int[size];
    }

    /// <summary>The number of cycles found by the last decomposition.</summary>
    public int CycleCount { get; private set; }

    /// <summary>The number of transient nodes found by the last decomposition.</summary>
    public int TransientCount { get; private set; }

    /// <summary>Cycle k, in successor order.</summary>
    public ReadOnlySpan<int> Cycle(int k) => _cycleNodes.AsSpan(_cycleOffsets[k], _cycleOffsets[k + 1] - _cycleOffsets[k]);

    /// <summary>The transient nodes, each after its successor.</summary>
    public ReadOnlySpan<int> Transient => _transient.AsSpan(0, TransientCount);

    /// <summary>Decomposes the whole graph.</summary>
    public void Decompose(ReadOnlySpan<int> next) => Walk(next, 0, next.Length);

    /// <summary>Decomposes only what is reachable from <paramref name="start"/>: one cycle, and the path into it.</summary>
    public void DecomposeFrom(ReadOnlySpan<int> next, int start) => Walk(next, start, start + 1);

    /// <summary>The path from <paramref name="start"/> up to the first repeated node: x₀ = start, x₁ = next(x₀), …;
    /// the cycle is x_k … x_{m−1} with k = <paramref name="cycleStart"/>.</summary>
    public static int[] PathToCycle(ReadOnlySpan<int> next, int start, out int cycleStart)
    {
        var walk = new FunctionalGraphCycles(next.Length);
        walk.DecomposeFrom(next, start);
        var cycle = walk.Cycle(0);
        var path = new int[walk.TransientCount + cycle.Length];
        for (int i = 0; i < walk.TransientCount; i++) path[i] = walk._transient[walk.TransientCount - 1 - i];
        cycle.CopyTo(path.AsSpan(walk.TransientCount));
        cycleStart = walk.TransientCount;
        return path;
    }

    private void Walk(ReadOnlySpan<int> next, int firstStart, int endStart)
    {
        int n = next.Length;
        _mark.AsSpan(0, n).Clear();
        int cycles = 0, cycleFill = 0, transient = 0;
        for (int start = firstStart; start < endStart; start++)
        {
            if (_mark[start] != 0) continue;
            int length = 0, s = start;
            while (_mark[s] == 0)
            {
                _mark[s] = length + 1;
                _path[length++] = s;
                s = next[s];
            }
            int stop = length;
            if (_mark[s] > 0)
            {
                int c = _mark[s] - 1; // a new cycle: _path[c..length)
                _cycleOffsets[cycles] = cycleFill;
                for (int k = c; k < length; k++)
                {
                    _cycleNodes[cycleFill++] = _path[k];
                    _mark[_path[k]] = -1;
                }
                cycles++;
                stop = c;
            }
            for (int k = stop - 1; k >= 0; k--)
            {
                _transient[transient++] = _path[k];
                _mark[_path[k]] = -1;
            }
        }
        _cycleOffsets[cycles] = cycleFill;
        CycleCount = cycles;
        TransientCount = transient;
    }
}

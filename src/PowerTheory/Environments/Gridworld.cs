using PowerTheory.Mdps;

namespace PowerTheory.Environments;

/// <summary>
/// Gridworlds built from ASCII maps: <c>.</c> is an open cell, <c>#</c> a wall; row 0 is the top line. Each open cell is a
/// state named <c>r{row}c{col}</c> (row-major order). Actions <c>up</c>, <c>down</c>, <c>left</c>, <c>right</c> exist only
/// where the move lands on an open cell (there are no wall-bump actions); <c>stay</c> exists everywhere.
/// </summary>
public static class Gridworld
{
    private static readonly (string Name, int DRow, int DCol)[] Moves =
    {
        ("up", -1, 0), ("down", 1, 0), ("left", 0, -1), ("right", 0, 1), ("stay", 0, 0),
    };

    /// <summary>
    /// Builds the gridworld of an ASCII map.
    /// </summary>
    /// <param name="map">Lines of <c>.</c> and <c>#</c> (ragged lines are padded with walls; blank leading/trailing lines
    /// are ignored).</param>
    /// <param name="slip">Slip probability p ∈ [0, 1). With p = 0 the MDP is deterministic. Otherwise the intended move
    /// happens with probability 1 − p and with probability p the agent instead takes a uniformly random action among
    /// those available at its cell (possibly the intended one): T(·|s,a) = (1−p)·e_{target(a)} + p·(1/|A(s)|)·Σ_b e_{target(b)}.</param>
    /// <param name="name">Optional model name.</param>
    /// <exception cref="MdpValidationException">The map has a character other than <c>.</c>/<c>#</c> or no open cell.</exception>
    public static Mdp FromAscii(string map, double slip = 0.0, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (double.IsNaN(slip) || slip < 0 || slip >= 1)
            throw new ArgumentOutOfRangeException(nameof(slip), slip, $"slip must be in [0, 1); got {slip}.");
        var lines = map.Replace("\r", "").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        int rows = lines.Count;
        int cols = lines.Count == 0 ? 0 : lines.Max(l => l.Length);
        var open = new bool[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            var line = lines[r];
            for (int c = 0; c < line.Length; c++)
            {
                char ch = line[c];
                if (ch == '.') open[r, c] = true;
                else if (ch != '#')
                    throw new MdpValidationException($"map[{r}][{c}]",
                        $"map row {r}, column {c}: unexpected character '{ch}'; use '.' for open cells and '#' for walls.");
            }
        }
        return Build(rows, cols, (r, c) => open[r, c], slip, name);
    }

    /// <summary>An open (wall-free) grid of the given size.</summary>
    public static Mdp Open(int rows, int cols, double slip = 0.0, string? name = null)
    {
        if (rows <= 0 || cols <= 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"grid size must be positive; got {rows}×{cols}.");
        if (double.IsNaN(slip) || slip < 0 || slip >= 1)
            throw new ArgumentOutOfRangeException(nameof(slip), slip, $"slip must be in [0, 1); got {slip}.");
        // Five actions per cell; with slip every action has up to five outcomes.
        double cells = (double)rows * cols;
        Budgets.MemoryBudget.Require(Budgets.MemoryEstimate.Model(cells, 5 * cells, (slip > 0 ? 25 : 5) * cells),
            $"the {rows}x{cols} open grid ({cells:0} states)", "use fewer rows or columns");
        return Build(rows, cols, (_, _) => true, slip, name ?? $"open-{rows}x{cols}");
    }

    /// <summary>The state name of a cell: <c>r{row}c{col}</c>.</summary>
    public static string StateName(int row, int col) => $"r{row}c{col}";

    private static Mdp Build(int rows, int cols, Func<int, int, bool> isOpen, double slip, string? name)
    {
        var index = new int[rows, cols];
        var names = new List<string>();
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        {
            index[r, c] = -1;
            if (isOpen(r, c))
            {
                index[r, c] = names.Count;
                names.Add(StateName(r, c));
            }
        }
        if (names.Count == 0) throw new MdpValidationException("map", "the map has no open cell ('.').");
        int n = names.Count;

        // Build the CSR arrays directly: gridworlds can have millions of cells.
        var actionOffsets = new int[n + 1];
        var actionNames = new List<string>(n * 5);
        var transitionOffsets = new List<int>(n * 5 + 1) { 0 };
        var successors = new List<int>(slip == 0 ? n * 5 : n * 15);
        var probabilities = new List<double>(successors.Capacity);
        Span<int> targets = stackalloc int[5];
        var rowBuffer = new SortedDictionary<int, double>();
        int s = 0;
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        {
            if (index[r, c] < 0) continue;
            actionOffsets[s] = actionNames.Count;
            int m = 0;
            foreach (var (mName, dr, dc) in Moves)
            {
                int rr = r + dr, cc = c + dc;
                if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || index[rr, cc] < 0) continue;
                targets[m] = index[rr, cc];
                m++;
            }
            int k = 0;
            foreach (var (mName, dr, dc) in Moves)
            {
                int rr = r + dr, cc = c + dc;
                if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || index[rr, cc] < 0) continue;
                actionNames.Add(mName);
                if (slip == 0)
                {
                    successors.Add(targets[k]);
                    probabilities.Add(1.0);
                }
                else
                {
                    rowBuffer.Clear();
                    for (int b = 0; b < m; b++)
                        rowBuffer[targets[b]] = (rowBuffer.TryGetValue(targets[b], out var p) ? p : 0) + slip / m;
                    rowBuffer[targets[k]] += 1 - slip;
                    foreach (var (t, p) in rowBuffer)
                    {
                        successors.Add(t);
                        probabilities.Add(p);
                    }
                }
                transitionOffsets.Add(successors.Count);
                k++;
            }
            s++;
        }
        actionOffsets[n] = actionNames.Count;
        return new Mdp(name, names.ToArray(), actionNames.ToArray(), actionOffsets, transitionOffsets.ToArray(),
            successors.ToArray(), probabilities.ToArray(), null);
    }
}

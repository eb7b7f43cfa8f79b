using System.Globalization;
using System.Text.RegularExpressions;
using PowerTheory.Environments;
using PowerTheory.Mdps;

namespace PowerTheory.Plotting;

/// <summary>
/// Where each state of a gridworld sits: the cell (row, column) read from the state's name, which
/// <see cref="Gridworld"/> writes as <c>r{row}c{col}</c> (<see cref="Gridworld.StateName"/>; row 0 is the top line).
/// Cells with no state are walls. The grid spans rows 0..max row and columns 0..max column of the named cells.
/// </summary>
public sealed partial class GridLayout
{
    private readonly int[,] _stateAt;
    private readonly (int Row, int Col)[] _cells;

    private GridLayout(int rows, int cols, int[,] stateAt, (int, int)[] cells)
    {
        Rows = rows;
        Cols = cols;
        _stateAt = stateAt;
        _cells = cells;
    }

    /// <summary>Number of rows (1 + the largest row of a state).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (1 + the largest column of a state).</summary>
    public int Cols { get; }

    /// <summary>The state in cell (<paramref name="row"/>, <paramref name="col"/>), or −1 for a wall.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cell is outside the grid.</exception>
    public int StateAt(int row, int col)
    {
        if (row < 0 || row >= Rows || col < 0 || col >= Cols)
            throw new ArgumentOutOfRangeException(nameof(row), $"cell ({row}, {col}) is outside the {Rows}×{Cols} grid.");
        return _stateAt[row, col];
    }

    /// <summary>The cell of state <paramref name="state"/>.</summary>
    public (int Row, int Col) CellOf(int state)
    {
        if (state < 0 || state >= _cells.Length)
            throw new ArgumentOutOfRangeException(nameof(state), $"state index {state} is outside [0, {_cells.Length}).");
        return _cells[state];
    }

    /// <summary>
    /// Reads the layout of a gridworld MDP from its state names.
    /// </summary>
    /// <exception cref="ArgumentException">A state name is not of the form <c>r{row}c{col}</c> (the message names the
    /// first such state), or two states name the same cell.</exception>
    public static GridLayout FromStateNames(Mdp mdp)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return TryFromStateNames(mdp, out var layout, out var problem)
            ? layout
            : throw new ArgumentException(problem, nameof(mdp));
    }

    /// <summary>Reads the layout like <see cref="FromStateNames"/>, returning false and the reason instead of throwing.</summary>
    public static bool TryFromStateNames(Mdp mdp, out GridLayout layout, out string problem)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        layout = null!;
        var cells = new (int Row, int Col)[mdp.StateCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var name = mdp.StateNames[s];
            var m = CellName().Match(name);
            if (!m.Success
                || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int r)
                || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int c)
                || Gridworld.StateName(r, c) != name)
            {
                problem = $"state '{name}' is not a gridworld cell; a POWER map needs every state named r{{row}}c{{col}} " +
                          "(as the gridworld environments name them, e.g. r0c2).";
                return false;
            }
            cells[s] = (r, c);
        }
        int rows = cells.Length == 0 ? 0 : cells.Max(x => x.Row) + 1;
        int cols = cells.Length == 0 ? 0 : cells.Max(x => x.Col) + 1;
        if ((long)rows * cols > 4_000_000)
        {
            problem = $"the grid spans {rows}×{cols} cells; a POWER map is limited to 4,000,000 cells.";
            return false;
        }
        var stateAt = new int[rows, cols];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            stateAt[r, c] = -1;
        for (int s = 0; s < cells.Length; s++)
        {
            var (r, c) = cells[s];
            if (stateAt[r, c] >= 0)
            {
                problem = $"states '{mdp.StateNames[stateAt[r, c]]}' and '{mdp.StateNames[s]}' both name cell ({r}, {c}).";
                return false;
            }
            stateAt[r, c] = s;
        }
        layout = new GridLayout(rows, cols, stateAt, cells);
        problem = "";
        return true;
    }

    [GeneratedRegex(@"^r([0-9]{1,7})c([0-9]{1,7})$", RegexOptions.CultureInvariant)]
    private static partial Regex CellName();
}

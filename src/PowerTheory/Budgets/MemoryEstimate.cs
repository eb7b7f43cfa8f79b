namespace PowerTheory.Budgets;

/// <summary>
/// Estimates, from a model's size alone, the bytes that building or solving it takes — upper bounds measured on this
/// code (docs/performance.md, "Memory budget"), used with <see cref="MemoryBudget.Require"/> before allocating.
/// All results are doubles, so sizes far beyond the range of an int (a hostile header) estimate without overflow.
/// </summary>
public static class MemoryEstimate
{
    /// <summary>Bytes per state of a built MDP (name, index, offsets; measured ≈ 75 on a 10⁶-state grid, with margin).</summary>
    public const double BytesPerState = 200;

    /// <summary>Bytes per state-action (name reference, offsets, row classes; measured ≈ 60).</summary>
    public const double BytesPerStateAction = 60;

    /// <summary>Bytes per transition (successor and probability, plus the builder's copy).</summary>
    public const double BytesPerTransition = 24;

    /// <summary>Extra bytes per file row while a text format is parsed (the line, its tokens and the parsed row; measured
    /// ≈ 500 on a 10⁶-state PRISM chain).</summary>
    public const double BytesPerParsedRow = 500;

    /// <summary>The built MDP: 200·|S| + 60·|S×A| + 24·(transitions) bytes.</summary>
    public static double Model(double states, double stateActions, double transitions) =>
        BytesPerState * states + BytesPerStateAction * stateActions + BytesPerTransition * transitions;

    /// <summary>An import from a text file declaring <paramref name="states"/> states and <paramref name="rows"/> rows:
    /// the model plus <see cref="BytesPerParsedRow"/> per row and per state.</summary>
    public static double Import(double states, double stateActions, double rows) =>
        Model(states, stateActions, rows) + BytesPerParsedRow * (rows + states);

    /// <summary>One dense |S|×|S| matrix of doubles: 8·|S|² bytes.</summary>
    public static double DenseMatrix(double states) => 8 * states * states;
}

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

    /// <summary>
    /// A Monte Carlo run's own memory beyond the model (docs/performance.md, "Memory budget"): per group (a γ, or a
    /// decision-maker) the partial sums of a wave of blocks and the running totals, (wave + 1)·(24·moments + 8·counts),
    /// and the result, 64·|S| + 48·|S×A|; per worker thread the sample arrays and the solvers' vectors,
    /// groups·(40·|S| + 4·|S×A|), plus <paramref name="solverBytesPerWorker"/> (factorisations; 0 when none).
    /// Measured (peak RSS minus the built model) on open grids with one γ and two workers: 10⁶ states 600 MB, estimated
    /// 620 MB; 9·10⁶ states 5.5 GB, estimated 5.5 GB; a second γ adds 480 MB at 10⁶ states, estimated 560 MB.
    /// </summary>
    public static double MonteCarloRun(double states, double stateActions, double moments, double counts, int groups, int wave,
        int workers, double solverBytesPerWorker) =>
        groups * ((wave + 1.0) * (24 * moments + 8 * counts) + 64 * states + 48 * stateActions)
        + workers * (groups * (40 * states + 4 * stateActions) + solverBytesPerWorker);

    /// <summary>The most characters one exported text may have: every export is rendered whole, as one .NET string
    /// (whose length stops near 2³⁰), so a larger model is refused up front rather than failing part way.</summary>
    public const double MaxExportChars = 1e9;

    /// <summary>Bytes of memory per character while an export is rendered: the builder's chunks and the final string
    /// (2 bytes per character each) and the UTF-8 bytes written, with the builder's growth.</summary>
    public const double BytesPerExportChar = 6;

    /// <summary>
    /// An upper estimate of the characters of an exported model: c·(1 + L/8) per transition, L the mean length of the
    /// state and action names and c the format's characters per transition with names of 8 characters (the formats give
    /// theirs: measured on 300×300 grids with a margin of about 1.5).
    /// </summary>
    public static double ExportChars(double charsPerTransition, double transitions, double meanNameLength) =>
        charsPerTransition * transitions * (1 + meanNameLength / 8) + 1024;
}

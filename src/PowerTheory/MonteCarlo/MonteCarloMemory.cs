using PowerTheory.Budgets;

namespace PowerTheory.MonteCarlo;

/// <summary>The one memory check of a Monte Carlo run, made before anything large is allocated: the run's estimate
/// (<see cref="MemoryEstimate.MonteCarloRun"/> for the block layout the scheduler will use, plus what the study adds) on
/// top of what the process already holds (<see cref="GC.GetTotalMemory(bool)"/>: the model and the caller's data) must
/// fit the memory budget.</summary>
internal static class MonteCarloMemory
{
    /// <summary>Refuses the run when it would not fit.</summary>
    /// <param name="samples">Samples of the run.</param>
    /// <param name="blockSize">Samples per block.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="states">|S|.</param>
    /// <param name="stateActions">|S×A|.</param>
    /// <param name="moments">Moment slots per group.</param>
    /// <param name="counts">Count slots per group.</param>
    /// <param name="groups">Statistic groups (γ values, decision-makers).</param>
    /// <param name="solverBytesPerWorker">Each worker's factorisations and solver state.</param>
    /// <param name="extraBytes">What the study keeps besides (e.g. every sample), 0 for none.</param>
    /// <param name="describe">The run, given its worker count, for the refusal's message.</param>
    /// <param name="advice">What the user can change.</param>
    /// <exception cref="MemoryBudgetExceededException">The estimate exceeds the budget; the message gives both.</exception>
    public static void Require(int samples, int blockSize, int threads, double states, double stateActions, double moments, double counts, int groups,
        double solverBytesPerWorker, double extraBytes, Func<int, string> describe, string advice)
    {
        var (blocks, wave) = BlockScheduler.Layout(samples, blockSize, threads);
        int workers = (int)Math.Min(blocks, threads);
        double bytes = MemoryEstimate.MonteCarloRun(states, stateActions, moments, counts, groups, wave, workers, solverBytesPerWorker)
            + extraBytes;
        long held = GC.GetTotalMemory(false);
        MemoryBudget.Require(held + bytes,
            FormattableString.Invariant($"{describe(workers)} ({MemoryBudget.Format(bytes)} on top of the {MemoryBudget.Format(held)} in use)"),
            advice);
    }
}

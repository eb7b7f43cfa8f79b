using PowerTheory.Mdps;
using PowerTheory.Rewards;
using PowerTheory.Solvers;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>One run's validated inputs and everything derived from them before sampling: the discounts, the options,
/// the statistic layout, the prepared events and the solver factory. Every bad input is refused here, with a message
/// that names it.</summary>
internal sealed class PowerRunPlan
{
    public PowerRunPlan(Mdp mdp, RewardDistribution rewards, ISampleSolverFactory? customSolvers, IReadOnlyList<double> gammas, PowerOptions o,
        long startTimestamp)
    {
        StartTimestamp = startTimestamp;
        var shared = BlockPlan.Resolve(o.Samples, o.BlockSize, o.Threads, o.TimeLimit);
        Mdp = mdp;
        Rewards = rewards;
        Options = o;
        int n = mdp.StateCount;
        if (gammas.Count == 0) throw new ArgumentException("at least one γ is needed.", nameof(gammas));
        Gammas = gammas.ToArray();
        for (int i = 0; i < Gammas.Length; i++)
            if (double.IsNaN(Gammas[i]) || Gammas[i] < 0 || Gammas[i] > 1)
                throw new ArgumentOutOfRangeException(nameof(gammas), Gammas[i], $"gamma[{i}] must be in [0, 1]; got {Gammas[i]}.");
        Threads = shared.Threads;
        if (!(o.TieTolerance > 0) || double.IsInfinity(o.TieTolerance))
            throw new ArgumentOutOfRangeException(nameof(o.TieTolerance), o.TieTolerance, $"TieTolerance must be a positive finite number; got {o.TieTolerance}.");
        ComputesPower = !o.OptimalityOnly;
        if (ComputesPower) rewards.CheckBoundedForPower();
        if (o.UseNonDominatedSets && o.NonDominatedVertexLimit < 1)
            throw new ArgumentOutOfRangeException(nameof(o.NonDominatedVertexLimit), o.NonDominatedVertexLimit,
                $"NonDominatedVertexLimit must be positive; got {o.NonDominatedVertexLimit}.");
        Comparisons = (o.Comparisons ?? []).ToArray();
        if (Comparisons.Length > 0 && !ComputesPower)
            throw new ArgumentException("POWER-seeking comparisons need POWER; they cannot be combined with OptimalityOnly.", nameof(o.Comparisons));
        foreach (var c in Comparisons)
        {
            if ((uint)c.State >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(o.Comparisons), c.State, $"comparison state must be in [0, {n - 1}]; got {c.State}.");
            int k = mdp.ActionCount(c.State);
            if ((uint)c.Action >= (uint)k || (uint)c.OtherAction >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(o.Comparisons),
                    $"comparison at state '{mdp.StateNames[c.State]}': actions must be in [0, {k - 1}]; got {c.Action} and {c.OtherAction}.");
        }
        var events = (o.Events ?? []).ToArray();
        foreach (var e in events)
        {
            if (e.Policies is { } ps && ps.Any(p => !ReferenceEquals(p.Mdp, mdp) && !p.Mdp.Equals(mdp)))
                throw new ArgumentException($"event '{e.Description}': its policies belong to another MDP.", nameof(o.Events));
            if ((uint)e.State >= (uint)n)
                throw new ArgumentOutOfRangeException(nameof(o.Events), e.State, $"event state must be in [0, {n - 1}]; got {e.State}.");
            if (e.Targets is { } targets && targets.Any(t => (uint)t >= (uint)n || !mdp.HasSelfLoop(t)))
                throw new ArgumentException($"event '{e.Description}': its targets are not self-loop states of this MDP.", nameof(o.Events));
        }
        Events = events.Select(e => EventPlan.Create(mdp, e)).ToArray();
        Slots = new StatisticSlots(n, mdp.StateActionCount, ComputesPower, Comparisons.Length, Events.Length);
        Sampling = new PowerSamplingPlan(mdp, rewards, o, Gammas, Slots, Comparisons, shared.BlockSize, ComputesPower);
        BlockSize = Sampling.BlockSize;
        RequireMemory(mdp, o);
        if (o.KeepSamples && ComputesPower)
        {
            long size = (long)o.Samples * n;
            if (size > Array.MaxLength) throw new ArgumentException($"KeepSamples would need {size} values per γ; too many.", nameof(o.KeepSamples));
            Kept = Gammas.Select(_ => new double[size]).ToArray();
        }
        WidestGamma = Gammas.MaxBy(g => ValueBounds.Bound(1, g));
        LargestSafeReward = ValueBounds.MaxMagnitude / ValueBounds.Bound(1, WidestGamma);
        Solvers = customSolvers
            ?? (o.UseNonDominatedSets ? new NonDominatedSampleSolvers(mdp, Gammas, o.NonDominatedVertexLimit) : ExactSampleSolvers.Instance);
    }

    /// <summary>Refuses, before anything large is allocated, a run whose estimated memory
    /// (<see cref="Budgets.MemoryEstimate.MonteCarloRun"/>, plus the kept samples) on top of what the process already
    /// holds (the model, <see cref="GC.GetTotalMemory(bool)"/>) exceeds the memory budget.</summary>
    private void RequireMemory(Mdp mdp, PowerOptions o)
    {
        int discounted = Gammas.Count(g => g > 0 && g < 1);
        double solverBytes = (discounted > 0 && !o.UseNonDominatedSets
            ? discounted * PowerTheory.Solvers.DiscountedPolicyEvaluator.EstimateBytes(mdp) : 0)
            + (Gammas.Contains(1.0) ? PowerTheory.Solvers.BlackwellLimitSolver.EstimateBytes(mdp) : 0);
        double kept = o.KeepSamples && ComputesPower ? 8.0 * o.Samples * mdp.StateCount * Gammas.Length : 0;
        MonteCarloMemory.Require(o.Samples, BlockSize, Threads, mdp.StateCount, mdp.StateActionCount, Slots.Moments, Slots.Counts,
            Gammas.Length, solverBytes, kept,
            workers => FormattableString.Invariant($"a POWER run on {mdp.StateCount} states and {mdp.StateActionCount} state-actions at {Gammas.Length} γ with {workers} worker thread{(workers == 1 ? "" : "s")}{(kept > 0 ? " keeping every sample" : "")}"),
            "use fewer γ values or threads (--threads), or a smaller model");
    }

    /// <summary>Runs the plan's blocks on the Monte Carlo scheduler with the POWER engine's <see cref="SampleWorker"/>s:
    /// a fixed run of <see cref="PowerSamplingPlan.Samples"/>, or a target-accuracy run in stages
    /// (<see cref="TargetAccuracy"/>): a pilot, then whole blocks up to the size the pilot's worst standard error asks
    /// for, again while the target is not met, up to the cap. Stage k merges blocks after those of stage k − 1 in block
    /// order, so the result is that of a fixed run of the final size. Each block carries what its solves certified.</summary>
    public (PowerTotals Totals, AccuracyReport? Accuracy) Run()
    {
        var o = Options;
        var totals = new PowerTotals(Sampling, Gammas.Length, Slots.Moments, Slots.Counts);
        int cap = Sampling.Samples;
        if (!Sampling.HasTarget)
        {
            RunStage(totals, cap, 0);
            return (totals, null);
        }
        int b = BlockSize;
        // Units: samples (independent) or scrambles (Sobol); a stage always ends on a whole block.
        int unitsPerBlock = Sampling.Sobol ? 1 : b;
        long capUnits = Sampling.Sobol ? cap / b : cap;
        long units = Sampling.Sobol
            ? Math.Min(PowerSamplingPlan.MinimumScrambles, capUnits)
            : Math.Min(capUnits, Math.Max(2L * b, (PowerSamplingPlan.PilotSamples + b - 1L) / b * b));
        int stages = 0;
        long firstBlock = 0;
        while (true)
        {
            int stageSamples = (int)(Sampling.Sobol ? units * b : units);
            RunStage(totals, stageSamples, firstBlock);
            stages++;
            firstBlock = (stageSamples + (long)b - 1) / b;
            var (ratio, worstSe, worstHw, worst) = TargetQuantities.Worst(this, totals);
            bool met = ratio <= 1;
            if (met || units >= capUnits || totals.StoppedAtTimeLimit)
                return (totals, new AccuracyReport(o.TargetStandardError, o.TargetCi95HalfWidth, met, stages, worstSe, worstHw, worst));
            units = TargetAccuracy.NextTotal(units, ratio, 1, capUnits, unitsPerBlock);
        }
    }

    private void RunStage(PowerTotals totals, int samples, long firstBlock)
    {
        var o = Options;
        var shape = new BlockRunShape(samples, BlockSize, Threads, Gammas.Length, Slots.Moments, Slots.Counts,
            o.Progress, o.CancellationToken, o.TimeLimit, StartTimestamp, firstBlock, Sampling.Width);
        BlockScheduler.Run(shape, totals.Blocks, () => new SampleWorker(this), (w, blk, first, count, sums) => w.RunBlock(blk, first, count, sums));
    }

    /// <summary>The estimator and its layout.</summary>
    public PowerSamplingPlan Sampling { get; }

    /// <summary>When the call started (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>): the time limit counts from it.</summary>
    public long StartTimestamp { get; }


    public Mdp Mdp { get; }
    public RewardDistribution Rewards { get; }
    /// <summary>The block size in use (<see cref="PowerOptions.BlockSize"/>, resolved).</summary>
    public int BlockSize { get; }

    public PowerOptions Options { get; }
    public double[] Gammas { get; }
    public int Threads { get; }
    public bool ComputesPower { get; }
    public PowerComparisonRequest[] Comparisons { get; }
    public EventPlan[] Events { get; }
    public StatisticSlots Slots { get; }

    /// <summary>Per γ, the kept per-sample POWER values [sample·|S| + state], when requested.</summary>
    public double[][]? Kept { get; }

    public ISampleSolverFactory Solvers { get; }

    /// <summary>The largest |r| whose values stay within <see cref="ValueBounds.MaxMagnitude"/> at every γ of the run;
    /// a sample beyond it is refused (<see cref="ValueBounds.Check"/>) rather than overflowing.</summary>
    public double LargestSafeReward { get; }

    /// <summary>The γ of the run with the largest value scale 1/(1−γ) (the one <see cref="LargestSafeReward"/> is for).</summary>
    public double WidestGamma { get; }
}

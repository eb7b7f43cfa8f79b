using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>Options of a Monte Carlo POWER run (see <see cref="PowerEstimator"/>).</summary>
public sealed class PowerOptions
{
    /// <summary>The number of reward samples N ≥ 2 (default 10,000).</summary>
    public int Samples { get; init; } = 10_000;

    /// <summary>The seed; together with <see cref="Samples"/> and <see cref="BlockSize"/> it fixes every figure bit for bit,
    /// whatever the thread count.</summary>
    public ulong Seed { get; init; }

    /// <summary>Worker threads ≥ 1; null uses <see cref="Environment.ProcessorCount"/>.</summary>
    public int? Threads { get; init; }

    /// <summary>Samples per block: each block has its own generator derived from (seed, block index). 0 (the default)
    /// picks ⌈N/64⌉ clamped to [1, 256] (<see cref="AutomaticBlockSize"/>) — a function of N alone, so the figures stay
    /// independent of the thread count, and a run of a few expensive samples still has enough blocks for every core.</summary>
    public int BlockSize { get; init; }

    /// <summary>The block size used when <see cref="BlockSize"/> is 0: ⌈N/64⌉ clamped to [1, 256].</summary>
    public static int AutomaticBlockSize(int samples) => BlockPlan.AutomaticBlockSize(samples);

    /// <summary>Keep the per-sample POWER values (memory N·|S| per γ); off by default.</summary>
    public bool KeepSamples { get; init; }

    /// <summary>Relative tolerance for optimal-action ties at the limits (default 1e-9). For γ∈(0,1) ties are decided by
    /// the certified bound of each solve instead (a is optimal at s unless Q̂(s,a) &lt; max_b Q̂(s,b) − 2h, docs/theory.md
    /// §5.1), on the exact and on the fast path alike; at γ = 0 and γ = 1 two coefficients of the limit expansions
    /// (docs/theory.md §1.1) tie when they differ by at most tol times the size of the terms compared.</summary>
    public double TieTolerance { get; init; } = 1e-9;

    /// <summary>Estimate optimality probabilities only (no POWER); allows unbounded reward laws.</summary>
    public bool OptimalityOnly { get; init; }

    /// <summary>POWER-seeking comparisons to estimate (paired, from the same samples).</summary>
    public IReadOnlyList<PowerComparisonRequest> Comparisons { get; init; } = [];

    /// <summary>User-given visit-distribution sets whose optimality probability P_D(F,γ) to estimate.</summary>
    public IReadOnlyList<OptimalityEvent> Events { get; init; } = [];

    /// <summary>Receives progress after each wave of blocks (on the calling thread).</summary>
    public IProgress<MonteCarloProgress>? Progress { get; init; }

    /// <summary>
    /// The optional fast path (off by default): precompute F_nd(s) for every state (RSD_nd(s) at γ = 1) once, then per
    /// sample take V*(s) = max_{f∈F_nd(s)} f·r instead of a Bellman solve. It gives the same numbers up to rounding; it
    /// pays off when the sets are small (e.g. small stochastic MDPs, where the per-sample solver factorises a dense matrix) and costs
    /// more than the deterministic per-sample solver on gridworlds, whose F_nd grows exponentially. A set that is not
    /// provably complete within <see cref="NonDominatedVertexLimit"/> makes the run throw rather than silently fall
    /// back. γ = 0 always uses the next-state formula; at γ = 1 the optimal actions still come from the Blackwell
    /// policy iteration (the gains alone do not determine them).
    /// </summary>
    public bool UseNonDominatedSets { get; init; }

    /// <summary>The largest F_nd(s) (or RSD_nd(s)) per state that the fast path accepts (default 10,000).</summary>
    public int NonDominatedVertexLimit { get; init; } = 10_000;

    /// <summary>A wall-time limit for the whole call (null: none). When it runs out the run stops — a solve in progress
    /// stops at its next improvement step or sweep — and the result holds the samples of blocks 0…k−1 that finished,
    /// with <see cref="PowerResult.StoppedAtTimeLimit"/> set and <see cref="PowerResult.Samples"/> the samples used: the
    /// figures are those of a run of that many samples with the same seed and block size. Fewer than 2 finished
    /// samples throw <see cref="Budgets.TimeBudgetExceededException"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Sample until the standard error of every target quantity is at most this (null: a fixed run of
    /// <see cref="Samples"/>). <see cref="Samples"/> is then the cap. The target quantities are POWER of every state,
    /// the requested comparisons and events, and the optimality probability of every action when
    /// <see cref="TargetIncludesActions"/> is set or the run is optimality-only. The run grows in stages by the two-stage
    /// rule of docs/power.md ("Target accuracy"), never by watching the running standard error; the result reports the
    /// samples used and whether the target was met (<see cref="PowerResult.Accuracy"/>).</summary>
    public double? TargetStandardError { get; init; }

    /// <summary>Like <see cref="TargetStandardError"/>, for the half-width of the 95% interval (z·SE, or t·SE for
    /// replicates).</summary>
    public double? TargetCi95HalfWidth { get; init; }

    /// <summary>Include every action's optimality probability in the target quantities (their standard error is up to
    /// 0.5/√N, so this needs many samples).</summary>
    public bool TargetIncludesActions { get; init; }

    /// <summary>How samples are drawn; null (the default) picks <see cref="SamplingMethod.ScrambledSobol"/> for a
    /// target-accuracy run whose laws all have quantile functions and <see cref="SamplingMethod.Independent"/>
    /// otherwise, so fixed runs keep their figures. Sobol with a law that has no quantile function falls back to
    /// independent sampling and says so (<see cref="PowerResult.Degradations"/>).</summary>
    public SamplingMethod? Sampler { get; init; }

    /// <summary>Regression-adjust POWER by control covariates of exactly known mean (the discounted best reachable reward
    /// and R(s), docs/power.md "Control variates"), cross-fitted so the estimate stays unbiased. Null (the default): on
    /// for target-accuracy runs where the means are known, off otherwise. True where the means are unknown (a user
    /// sampler) falls back, visibly, to no adjustment.</summary>
    public bool? ControlVariates { get; init; }

    /// <summary>Cancels the run.</summary>
    public CancellationToken CancellationToken { get; init; }
}

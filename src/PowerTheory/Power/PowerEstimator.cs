using PowerTheory.Mdps;
using PowerTheory.Rewards;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>
/// Monte Carlo estimation of POWER and optimality probabilities under a reward distribution D (OPTSP Def. 5.2, §1.3–1.4
/// of docs/theory.md), exact per sample, for every state and every state-action pair at once and for several γ from the same
/// samples:
/// <list type="bullet">
/// <item>POWER_D(s,γ) = (1−γ)/γ · E_{R~D}[V*_R(s,γ) − R(s)] = E_R[(1−γ)·max_a E_{s'~T(s,a)} V*_R(s',γ)] for γ∈(0,1);</item>
/// <item>POWER_D(s,0) = E_R[max_a E_{s'~T(s,a)} R(s')] (the best expected next-state reward);</item>
/// <item>POWER_D(s,1) = E_R[g*_R(s)], the optimal average reward (gain) from s = E_R[max_{d∈RSD(s)} dᵀR];</item>
/// <item>P_D(s,a,γ) = P_R(some optimal policy takes a at s), and P_D(F,γ) for user sets (<see cref="OptimalityEvent"/>);</item>
/// <item>paired POWER-seeking comparisons E[POWER(s_a)] vs E[POWER(s_a')] (<see cref="PowerComparisonRequest"/>).</item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>Per sample.</b> Every reward sample is solved by the library's many-rewards entry point
/// <see cref="Solvers.RewardBatchSolver"/> (exact V* or its γ → 0 / γ → 1 limits and the optimal-action sets, with its
/// tie rule), or by the non-dominated-set fast path. User events are decided from the optimal-action sets
/// (<see cref="EventPlan"/>), so every endpoint figure is the limit of the γ∈(0,1) figure (docs/theory.md §1.1, §1.3).</para>
/// <para><b>Reproducibility.</b> The samples are split into blocks of <see cref="PowerOptions.BlockSize"/>; block b draws
/// from a generator derived from (seed, b) only (<c>BlockRandom</c>), restarts its warm start, and accumulates its own
/// partial sums; blocks run in parallel (<see cref="Parallel"/>, at most <see cref="PowerOptions.Threads"/> at a time)
/// and their sums are merged in block order (Chan et al.'s pairwise mean/variance update), so every figure is
/// bit-identical for any thread count.</para>
/// <para><b>Layout.</b> This class is the front; <see cref="PowerRunPlan"/> validates a run, <see cref="BlockScheduler"/>
/// runs its blocks on <see cref="SampleWorker"/>s, whose solvers come from an <see cref="ISampleSolverFactory"/>, and
/// <see cref="PowerResultBuilder"/> builds the result (docs/architecture.md).</para>
/// <para><b>Memory.</b> O(|S|·|A| + threads·(|S| + |S|·|A|)) plus O(threads·γ-count·|S|) partial sums; the N·|S| sample
/// matrix is kept only on request (<see cref="PowerOptions.KeepSamples"/>).</para>
/// </remarks>
public sealed class PowerEstimator
{
    private readonly ISampleSolverFactory? _solvers;

    /// <summary>Creates an estimator for <paramref name="mdp"/> under <paramref name="rewards"/> (default uniform(0,1) IID).</summary>
    public PowerEstimator(Mdp mdp, RewardDistribution? rewards = null)
        : this(mdp, rewards, solvers: null)
    {
    }

    /// <summary>An estimator whose per-sample solvers come from <paramref name="solvers"/> (null: the exact solvers, or
    /// the fast path when <see cref="PowerOptions.UseNonDominatedSets"/> is set).</summary>
    internal PowerEstimator(Mdp mdp, RewardDistribution? rewards, ISampleSolverFactory? solvers)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Mdp = mdp;
        Rewards = rewards ?? RewardDistribution.UniformIid;
        Rewards.CheckStateCount(mdp.StateCount);
        _solvers = solvers;
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The reward distribution D.</summary>
    public RewardDistribution Rewards { get; }

    /// <summary>Estimates POWER and optimality probabilities at one γ ∈ [0,1].</summary>
    public PowerAtDiscount Estimate(double gamma, PowerOptions? options = null) => Estimate(new[] { gamma }, options).ByGamma[0];

    /// <summary>Estimates POWER_D(s,γ) for every state and P_D(s,a,γ) for every state-action pair at each γ ∈ [0,1] of
    /// <paramref name="gammas"/>, from the same reward samples.</summary>
    /// <exception cref="ArgumentException">A γ outside [0,1], an unbounded law (unless optimality-only), a bad option or
    /// request; the message names it.</exception>
    public PowerResult Estimate(IReadOnlyList<double> gammas, PowerOptions? options = null)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(gammas);
        var plan = new PowerRunPlan(Mdp, Rewards, _solvers, gammas, options ?? new PowerOptions(), start);
        var (totals, accuracy) = plan.Run();
        return PowerResultBuilder.Build(plan, totals, accuracy);
    }

    /// <summary>The paired POWER-seeking comparison of <paramref name="action"/> versus <paramref name="otherAction"/> at
    /// <paramref name="state"/> (OPTSP Def. 5.6).</summary>
    public PowerSeekingComparison CompareActions(int state, int action, int otherAction, double gamma, PowerOptions? options = null)
    {
        options ??= new PowerOptions();
        var o = Copy(options, comparisons: new[] { new PowerComparisonRequest(state, action, otherAction) }, events: []);
        return Estimate(new[] { gamma }, o).ByGamma[0].Comparisons[0];
    }

    /// <summary>The paired POWER-seeking comparison by state and action names.</summary>
    public PowerSeekingComparison CompareActions(string state, string action, string otherAction, double gamma, PowerOptions? options = null)
    {
        int s = Mdp.StateIndex(state);
        return CompareActions(s, Mdp.ActionIndex(s, action), Mdp.ActionIndex(s, otherAction), gamma, options);
    }

    /// <summary>P_D(F,γ) for one user event (optimality-only run: unbounded laws are accepted).</summary>
    public MonteCarloEstimate OptimalityProbability(OptimalityEvent optimalityEvent, double gamma, PowerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(optimalityEvent);
        options ??= new PowerOptions();
        var o = Copy(options, comparisons: [], events: new[] { optimalityEvent }, optimalityOnly: true);
        return Estimate(new[] { gamma }, o).ByGamma[0].Events[0].Probability;
    }

    private static PowerOptions Copy(PowerOptions o, IReadOnlyList<PowerComparisonRequest> comparisons,
        IReadOnlyList<OptimalityEvent> events, bool? optimalityOnly = null) => new()
    {
        Samples = o.Samples, Seed = o.Seed, Threads = o.Threads, BlockSize = o.BlockSize, KeepSamples = o.KeepSamples,
        TieTolerance = o.TieTolerance, OptimalityOnly = optimalityOnly ?? o.OptimalityOnly, Comparisons = comparisons,
        Events = events, Progress = o.Progress, CancellationToken = o.CancellationToken, TimeLimit = o.TimeLimit,
        UseNonDominatedSets = o.UseNonDominatedSets, NonDominatedVertexLimit = o.NonDominatedVertexLimit,
        TargetStandardError = o.TargetStandardError, TargetCi95HalfWidth = o.TargetCi95HalfWidth,
        TargetIncludesActions = o.TargetIncludesActions, Sampler = o.Sampler, ControlVariates = o.ControlVariates,
    };
}

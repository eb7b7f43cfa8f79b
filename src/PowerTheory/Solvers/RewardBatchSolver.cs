using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Many reward vectors on one MDP at one discount γ ∈ [0,1] — the entry point the POWER engine calls, and the one to use
/// for any Monte Carlo study over reward functions. For each reward vector r it returns, exactly up to rounding:
/// <list type="bullet">
/// <item>the <b>future value</b> W_r(s) = (1−γ)·max_a Σ_s' T(s'|s,a)·V*_r(s') for γ ∈ (0,1) (= (1−γ)/γ·(V*_r(s) − r(s)),
/// so POWER_D(s,γ) = E_{r~D}[W_r(s)]), its limit max_a Σ_s' T(s'|s,a)·r(s') at γ = 0, and the optimal gain g*_r(s) at
/// γ = 1 (docs/theory.md §1.4);</item>
/// <item>the <b>optimal-action set</b>: for every global state-action sa, whether some policy in Π*(r,γ) takes it — for
/// γ ∈ (0,1) every action the certified error bound of the solve cannot exclude (<see cref="Certification"/>,
/// docs/theory.md §5.1); at γ = 0 and γ = 1 the limits of those sets
/// as γ → 0 and γ → 1 (the lexicographic γ → 0 expansion, and the Blackwell-optimal actions; docs/theory.md §1.1, §5.5).</item>
/// </list>
/// </summary>
/// <remarks>
/// Methods: γ ∈ (0,1) Howard policy iteration with exact evaluation (functional graph on deterministic MDPs; on
/// stochastic ones a banded LU in reverse Cuthill–McKee order, Gauss–Seidel sweeps to 10⁻¹² where the band is wide, a
/// dense LU or a sparse iterative solve otherwise), warm-started by Gauss–Seidel sweeps or, where evaluations are
/// expensive, by modified policy iteration, then certified by MacQueen's bounds from the Bellman residual;
/// γ = 1 Blackwell policy iteration on Laurent coefficients started from the optimal policy at γ = 1 − 10⁻⁵; γ = 0 the
/// lexicographic limit. The results depend on each reward vector alone (never on the order of a batch). Not thread-safe:
/// create one solver per thread, or call <see cref="SolveBatchParallel"/>.
/// </remarks>
public sealed class RewardBatchSolver : IRewardSolver
{
    private readonly IRewardSolver _kernel;

    private RewardBatchSolver(Mdp mdp, double gamma, double tieTolerance)
    {
        Mdp = mdp;
        Gamma = gamma;
        TieTolerance = tieTolerance;
        _kernel = gamma == 0 ? new DiscountZeroLimitSolver(mdp, tieTolerance)
            : gamma == 1 ? new BlackwellLimitSolver(mdp, tieTolerance)
            : new DiscountedRewardSolver(mdp, gamma, tieTolerance);
    }

    /// <summary>Creates a solver for one MDP and one γ.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="gamma">γ ∈ [0,1]; 0 and 1 mean the limits.</param>
    /// <param name="tieTolerance">The relative tie tolerance of the optimal-action sets (default 1e-9).</param>
    /// <exception cref="ArgumentOutOfRangeException">γ outside [0,1] or a non-positive tolerance.</exception>
    public static RewardBatchSolver Create(Mdp mdp, double gamma, double tieTolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        if (double.IsNaN(gamma) || gamma < 0 || gamma > 1)
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"gamma must be in [0, 1]; got {Preconditions.Format(gamma)}.");
        Preconditions.CheckTolerance(tieTolerance, nameof(tieTolerance));
        return new RewardBatchSolver(mdp, gamma, tieTolerance);
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>γ ∈ [0,1].</summary>
    public double Gamma { get; }

    /// <summary>The relative tie tolerance.</summary>
    public double TieTolerance { get; }

    /// <summary>Solves one reward vector.</summary>
    /// <param name="rewards">r(s), |S| finite entries within the computable range (<see cref="ValueBounds"/>).</param>
    /// <param name="futureValues">Receives W_r(s), |S| entries.</param>
    /// <param name="optimalActions">Receives the optimal-action flags, one per global state-action.</param>
    /// <exception cref="ArgumentException">A buffer of the wrong length, or a non-finite or out-of-range reward (the
    /// message names the state).</exception>
    public void Solve(ReadOnlySpan<double> rewards, Span<double> futureValues, Span<bool> optimalActions)
    {
        CheckOutputs(futureValues.Length, optimalActions.Length, 1);
        CheckRewards(rewards, "rewards");
        _kernel.Solve(rewards, futureValues, optimalActions);
    }

    /// <summary>Solves a block of reward vectors stored one after another (row k = sample k).</summary>
    /// <param name="rewards">k·|S| entries: sample i's r(s) at i·|S| + s.</param>
    /// <param name="futureValues">Receives k·|S| entries in the same layout.</param>
    /// <param name="optimalActions">Receives k·|SA| flags: sample i's flag for sa at i·|SA| + sa.</param>
    /// <exception cref="ArgumentException">Lengths that are not multiples of |S| (|SA|) for the same k, or a bad reward
    /// (the message names the sample and the state).</exception>
    public void SolveBatch(ReadOnlySpan<double> rewards, Span<double> futureValues, Span<bool> optimalActions)
    {
        int n = Mdp.StateCount, m = Mdp.StateActionCount;
        if (n == 0 || rewards.Length % n != 0)
            throw new ArgumentException($"rewards has {rewards.Length} entries, not a multiple of the {n} states.", nameof(rewards));
        int count = rewards.Length / n;
        CheckOutputs(futureValues.Length, optimalActions.Length, count);
        for (int i = 0; i < count; i++) CheckRewards(rewards.Slice(i * n, n), $"rewards (sample {i})");
        for (int i = 0; i < count; i++)
            _kernel.Solve(rewards.Slice(i * n, n), futureValues.Slice(i * n, n), optimalActions.Slice(i * m, m));
    }

    /// <summary>Solves a block of reward vectors (layout as in <see cref="SolveBatch"/>) on every core: the samples are
    /// split into chunks, each solved by its own solver; since every result depends on its reward vector alone, the
    /// outputs are bit-identical to the serial <see cref="SolveBatch"/> for any thread count.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="gamma">γ ∈ [0,1].</param>
    /// <param name="rewards">k·|S| entries: sample i's r(s) at i·|S| + s.</param>
    /// <param name="futureValues">Receives k·|S| entries.</param>
    /// <param name="optimalActions">Receives k·|SA| flags.</param>
    /// <param name="threads">Worker threads (default: every core).</param>
    /// <param name="tieTolerance">As in <see cref="Create"/>.</param>
    /// <returns>What the solves certified (merged over the workers).</returns>
    /// <exception cref="ArgumentException">As for <see cref="SolveBatch"/>; <paramref name="threads"/> below 1.</exception>
    public static SolveCertification SolveBatchParallel(Mdp mdp, double gamma, double[] rewards, double[] futureValues,
        bool[] optimalActions, int? threads = null, double tieTolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(rewards);
        ArgumentNullException.ThrowIfNull(futureValues);
        ArgumentNullException.ThrowIfNull(optimalActions);
        var first = Create(mdp, gamma, tieTolerance);
        int n = mdp.StateCount, m = mdp.StateActionCount;
        if (n == 0 || rewards.Length % n != 0)
            throw new ArgumentException($"rewards has {rewards.Length} entries, not a multiple of the {n} states.", nameof(rewards));
        int count = rewards.Length / n;
        first.CheckOutputs(futureValues.Length, optimalActions.Length, count);
        for (int i = 0; i < count; i++) first.CheckRewards(rewards.AsSpan(i * n, n), $"rewards (sample {i})");
        int workers = threads ?? Environment.ProcessorCount;
        if (workers < 1) throw new ArgumentOutOfRangeException(nameof(threads), workers, $"threads must be at least 1; got {workers}.");
        int chunk = Math.Max(1, (count + 4 * workers - 1) / (4 * workers));
        int chunks = (count + chunk - 1) / chunk;
        var solvers = new System.Collections.Concurrent.ConcurrentBag<RewardBatchSolver> { first };
        var used = new System.Collections.Concurrent.ConcurrentBag<RewardBatchSolver>();
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = workers }, c =>
        {
            var solver = solvers.TryTake(out var s) ? s : Create(mdp, gamma, tieTolerance);
            for (int i = c * chunk; i < Math.Min(count, (c + 1) * chunk); i++)
                solver._kernel.Solve(rewards.AsSpan(i * n, n), futureValues.AsSpan(i * n, n), optimalActions.AsSpan(i * m, m));
            used.Add(solver);
            solvers.Add(solver);
        });
        var total = default(SolveCertification);
        foreach (var solver in used.Distinct()) total = total.Merge(solver.Certification);
        return total;
    }

    private void CheckOutputs(int values, int flags, int count)
    {
        if (values != count * Mdp.StateCount)
            throw new ArgumentException($"futureValues has {values} entries; expected {count * Mdp.StateCount} ({count} × {Mdp.StateCount} states).", "futureValues");
        if (flags != count * Mdp.StateActionCount)
            throw new ArgumentException($"optimalActions has {flags} entries; expected {count * Mdp.StateActionCount} ({count} × {Mdp.StateActionCount} state-actions).", "optimalActions");
    }

    private void CheckRewards(ReadOnlySpan<double> r, string name)
    {
        MdpPreconditions.CheckRewardVector(Mdp, r, name);
        ValueBounds.Check(Mdp, r, Gamma, name);
    }

    /// <summary>What the solves of this solver certified so far: the largest certified bound on |V̂(s) − V*(s)|
    /// (docs/theory.md §5.1), refinements, near-ties counted as ties, solves above the 10⁻⁹·max|r|/(1−γ) target. Empty at the
    /// γ = 0 and γ = 1 limits, which are computed exactly by their own formulas.</summary>
    public SolveCertification Certification => _kernel.Certification;

    SolveCertification IRewardSolver.TakeCertification() => _kernel.TakeCertification();

    void IRewardSolver.Reset() => _kernel.Reset();

    void IRewardSolver.Solve(ReadOnlySpan<double> r, Span<double> futureValues, Span<bool> optimalActions) =>
        _kernel.Solve(r, futureValues, optimalActions);
}

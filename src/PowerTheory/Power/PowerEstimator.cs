using System.Collections.Concurrent;
using PowerTheory.Mdps;
using PowerTheory.Rewards;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// Monte Carlo estimation of POWER and optimality probabilities under a reward distribution D (OPTSP Def. 5.2, §1.3–1.4
/// of THEORY.md), exact per sample, for every state and every state-action pair at once and for several γ from the same
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
/// <para><b>Per sample.</b> γ∈(0,1): V* by warm-started policy iteration with exact evaluation (functional-graph path
/// evaluation on deterministic MDPs, dense LU otherwise) and the tie rule of <see cref="DiscountedTieRule"/>. γ = 0: the
/// next-state rewards, and the optimal actions of the limit Π*(R,0) by lexicographic comparison of the Taylor
/// coefficients (<see cref="DiscountZeroLimitSolver"/>). γ = 1: the optimal gain g* and the Blackwell-optimal actions
/// of Π*(R,1), exactly, by policy iteration on the Laurent coefficients (<see cref="Solvers.BlackwellPolicyIteration"/>).
/// User events are decided from the optimal-action sets (<see cref="EventPlan"/>), so every endpoint figure is the limit
/// of the γ∈(0,1) figure (docs/theory.md §1.1, §1.3).</para>
/// <para><b>Reproducibility.</b> The samples are split into blocks of <see cref="PowerOptions.BlockSize"/>; block b draws
/// from a generator derived from (seed, b) only (<c>BlockRandom</c>), restarts its warm start, and accumulates its own
/// partial sums; blocks run in parallel (<see cref="Parallel"/>, at most <see cref="PowerOptions.Threads"/> at a time)
/// and their sums are merged in block order (Chan et al.'s pairwise mean/variance update), so every figure is
/// bit-identical for any thread count.</para>
/// <para><b>Memory.</b> O(|S|·|A| + threads·(|S| + |S|·|A|)) plus O(threads·γ-count·|S|) partial sums; the N·|S| sample
/// matrix is kept only on request (<see cref="PowerOptions.KeepSamples"/>).</para>
/// </remarks>
public sealed class PowerEstimator
{
    /// <summary>Creates an estimator for <paramref name="mdp"/> under <paramref name="rewards"/> (default uniform(0,1) IID).</summary>
    public PowerEstimator(Mdp mdp, RewardDistribution? rewards = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Mdp = mdp;
        Rewards = rewards ?? RewardDistribution.UniformIid;
        Rewards.CheckStateCount(mdp.StateCount);
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The reward distribution D.</summary>
    public RewardDistribution Rewards { get; }

    /// <summary>
    /// A plug-in per-sample oracle (for instance one that maximises over a precomputed F_nd(s)); null selects the built-in
    /// exact solvers. Called once per worker and γ.
    /// </summary>
    internal Func<Mdp, double, ISampleSolver>? SolverFactory { get; set; }

    /// <summary>Estimates POWER and optimality probabilities at one γ ∈ [0,1].</summary>
    public PowerAtDiscount Estimate(double gamma, PowerOptions? options = null) => Estimate(new[] { gamma }, options).ByGamma[0];

    /// <summary>Estimates POWER_D(s,γ) for every state and P_D(s,a,γ) for every state-action pair at each γ ∈ [0,1] of
    /// <paramref name="gammas"/>, from the same reward samples.</summary>
    /// <exception cref="ArgumentException">A γ outside [0,1], an unbounded law (unless optimality-only), a bad option or
    /// request; the message names it.</exception>
    public PowerResult Estimate(IReadOnlyList<double> gammas, PowerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gammas);
        options ??= new PowerOptions();
        return new Run(this, gammas, options).Execute();
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
        Events = events, Progress = o.Progress, CancellationToken = o.CancellationToken,
        UseNonDominatedSets = o.UseNonDominatedSets, NonDominatedVertexLimit = o.NonDominatedVertexLimit,
    };

    internal ISampleSolver CreateSolver(double gamma, double tieTolerance)
    {
        if (SolverFactory is not null) return SolverFactory(Mdp, gamma);
        if (gamma == 0) return new DiscountZeroLimitSolver(Mdp, tieTolerance);
        if (gamma == 1) return new BlackwellSampleSolver(Mdp, tieTolerance);
        return Mdp.IsDeterministic
            ? new DeterministicDiscountedSolver(Mdp, gamma, tieTolerance)
            : new StochasticDiscountedSolver(Mdp, gamma, tieTolerance);
    }

    /// <summary>One run: validated inputs, per-γ plans, the block loop and the final reduction.</summary>
    private sealed class Run
    {
        private readonly PowerEstimator _owner;
        private readonly Mdp _mdp;
        private readonly double[] _gammas;
        private readonly PowerOptions _o;
        private readonly int _n;
        private readonly int _sa;
        private readonly int _threads;
        private readonly bool _power;
        private readonly PowerComparisonRequest[] _comparisons;
        private readonly EventPlan[] _events;
        private readonly int _moments;          // per γ: (power? n : 0) + 3·comparisons
        private readonly int _counts;           // per γ: SA + events
        private readonly double[][]? _kept;
        private readonly NonDominatedTables?[] _tables; // per γ: the fast path's sets, when requested

        public Run(PowerEstimator owner, IReadOnlyList<double> gammas, PowerOptions o)
        {
            _owner = owner;
            _mdp = owner.Mdp;
            _o = o;
            _n = _mdp.StateCount;
            _sa = _mdp.StateActionCount;
            if (gammas.Count == 0) throw new ArgumentException("at least one γ is needed.", nameof(gammas));
            _gammas = gammas.ToArray();
            for (int i = 0; i < _gammas.Length; i++)
                if (double.IsNaN(_gammas[i]) || _gammas[i] < 0 || _gammas[i] > 1)
                    throw new ArgumentOutOfRangeException(nameof(gammas), _gammas[i], $"gamma[{i}] must be in [0, 1]; got {_gammas[i]}.");
            if (o.Samples < 2) throw new ArgumentOutOfRangeException(nameof(o.Samples), o.Samples, $"Samples must be at least 2 (for a standard error); got {o.Samples}.");
            if (o.BlockSize < 1) throw new ArgumentOutOfRangeException(nameof(o.BlockSize), o.BlockSize, $"BlockSize must be positive; got {o.BlockSize}.");
            _threads = o.Threads ?? Environment.ProcessorCount;
            if (_threads < 1) throw new ArgumentOutOfRangeException(nameof(o.Threads), _threads, $"Threads must be at least 1; got {_threads}.");
            if (!(o.TieTolerance > 0) || double.IsInfinity(o.TieTolerance))
                throw new ArgumentOutOfRangeException(nameof(o.TieTolerance), o.TieTolerance, $"TieTolerance must be a positive finite number; got {o.TieTolerance}.");
            _power = !o.OptimalityOnly;
            if (_power) owner.Rewards.CheckBoundedForPower();
            if (o.UseNonDominatedSets && o.NonDominatedVertexLimit < 1)
                throw new ArgumentOutOfRangeException(nameof(o.NonDominatedVertexLimit), o.NonDominatedVertexLimit,
                    $"NonDominatedVertexLimit must be positive; got {o.NonDominatedVertexLimit}.");
            _tables = _gammas.Select(g => o.UseNonDominatedSets && g > 0 && owner.SolverFactory is null
                ? NonDominatedTables.Build(_mdp, g, o.NonDominatedVertexLimit) : null).ToArray();
            _comparisons = (o.Comparisons ?? []).ToArray();
            if (_comparisons.Length > 0 && !_power)
                throw new ArgumentException("POWER-seeking comparisons need POWER; they cannot be combined with OptimalityOnly.", nameof(o.Comparisons));
            foreach (var c in _comparisons)
            {
                if ((uint)c.State >= (uint)_n)
                    throw new ArgumentOutOfRangeException(nameof(o.Comparisons), c.State, $"comparison state must be in [0, {_n - 1}]; got {c.State}.");
                int k = _mdp.ActionCount(c.State);
                if ((uint)c.Action >= (uint)k || (uint)c.OtherAction >= (uint)k)
                    throw new ArgumentOutOfRangeException(nameof(o.Comparisons),
                        $"comparison at state '{_mdp.StateNames[c.State]}': actions must be in [0, {k - 1}]; got {c.Action} and {c.OtherAction}.");
            }
            var events = (o.Events ?? []).ToArray();
            foreach (var e in events)
            {
                if (e.Policies is { } ps && ps.Any(p => !ReferenceEquals(p.Mdp, _mdp) && !p.Mdp.Equals(_mdp)))
                    throw new ArgumentException($"event '{e.Description}': its policies belong to another MDP.", nameof(o.Events));
                if ((uint)e.State >= (uint)_n)
                    throw new ArgumentOutOfRangeException(nameof(o.Events), e.State, $"event state must be in [0, {_n - 1}]; got {e.State}.");
                if (e.Targets is { } targets && targets.Any(t => (uint)t >= (uint)_n || !_mdp.HasSelfLoop(t)))
                    throw new ArgumentException($"event '{e.Description}': its targets belong to another MDP.", nameof(o.Events));
            }
            _events = events.Select(e => EventPlan.Create(_mdp, e)).ToArray();
            _moments = (_power ? _n : 0) + 3 * _comparisons.Length;
            _counts = _sa + events.Length;
            if (o.KeepSamples && _power)
            {
                long size = (long)o.Samples * _n;
                if (size > Array.MaxLength) throw new ArgumentException($"KeepSamples would need {size} values per γ; too many.", nameof(o.KeepSamples));
                _kept = _gammas.Select(_ => new double[size]).ToArray();
            }
        }

        public PowerResult Execute()
        {
            int samples = _o.Samples;
            int blockSize = _o.BlockSize;
            long blocks = (samples + (long)blockSize - 1) / blockSize;
            int wave = (int)Math.Min(blocks, 4L * _threads);
            var partials = new BlockSums[wave];
            for (int i = 0; i < wave; i++) partials[i] = new BlockSums(_gammas.Length, _moments, _counts);
            var totals = new BlockTotals(_gammas.Length, _moments, _counts);
            var pool = new ConcurrentBag<Worker>();
            var all = new ConcurrentBag<Worker>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = _o.CancellationToken };
            try
            {
                for (long start = 0; start < blocks; start += wave)
                {
                    long end = Math.Min(blocks, start + wave);
                    long waveStart = start;
                    Parallel.For(waveStart, end, parallel,
                        () =>
                        {
                            if (!pool.TryTake(out var w))
                            {
                                w = new Worker(this);
                                all.Add(w);
                            }
                            return w;
                        },
                        (b, _, w) =>
                        {
                            int first = (int)(b * blockSize);
                            int count = (int)Math.Min(blockSize, samples - (long)first);
                            w.RunBlock(b, first, count, partials[b - waveStart]);
                            return w;
                        },
                        w => pool.Add(w));
                    for (long b = waveStart; b < end; b++) totals.Merge(partials[b - waveStart]);
                    _o.Progress?.Report(new PowerProgress(Math.Min(samples, end * blockSize), samples));
                }
            }
            finally
            {
                foreach (var w in all) w.Dispose();
            }
            return Build(totals);
        }

        private PowerResult Build(BlockTotals t)
        {
            long n = t.Count;
            var byGamma = new PowerAtDiscount[_gammas.Length];
            for (int g = 0; g < _gammas.Length; g++)
            {
                var states = new StatePower[_power ? _n : 0];
                for (int s = 0; s < states.Length; s++) states[s] = new StatePower(s, _mdp.StateNames[s], t.Estimate(g, s));
                var actions = new ActionOptimality[_sa];
                for (int s = 0; s < _n; s++)
                    for (int a = 0; a < _mdp.ActionCount(s); a++)
                    {
                        int sa = _mdp.FirstStateAction(s) + a;
                        actions[sa] = new ActionOptimality(s, _mdp.StateNames[s], a, _mdp.ActionName(s, a), t.Proportion(g, sa));
                    }
                var comparisons = new PowerSeekingComparison[_comparisons.Length];
                int offset = _power ? _n : 0;
                for (int c = 0; c < comparisons.Length; c++)
                {
                    var req = _comparisons[c];
                    comparisons[c] = new PowerSeekingComparison(_gammas[g], req.State, _mdp.StateNames[req.State],
                        req.Action, _mdp.ActionName(req.State, req.Action), req.OtherAction, _mdp.ActionName(req.State, req.OtherAction),
                        t.Estimate(g, offset + 3 * c), t.Estimate(g, offset + 3 * c + 1), t.Estimate(g, offset + 3 * c + 2));
                }
                var events = new EventProbability[_events.Length];
                for (int e = 0; e < events.Length; e++)
                    events[e] = new EventProbability(_events[e].Event, _gammas[g], t.Proportion(g, _sa + e));
                byGamma[g] = new PowerAtDiscount(_mdp, _gammas[g], states, actions, comparisons, events);
            }
            return new PowerResult(_mdp, _owner.Rewards.Spec, _o.Samples, _o.Seed, _o.BlockSize, _threads, byGamma, _kept);
        }

        /// <summary>Per-thread state: the reward buffer, one solver per γ, the per-sample outputs and event buffers.</summary>
        private sealed class Worker : IDisposable
        {
            private readonly Run _run;
            private readonly double[] _r;
            private readonly ISampleSolver[] _solvers;
            private readonly double[] _value;
            private readonly bool[] _optimal;
            private readonly double[] _x;
            private readonly EventScratch _scratch;

            public Worker(Run run)
            {
                _run = run;
                int n = run._n;
                double tol = run._o.TieTolerance;
                _r = new double[n];
                _solvers = run._gammas.Select((g, i) => run._tables[i] is { } tables
                    ? new NonDominatedSampleSolver(run._mdp, tables, tol)
                    : run._owner.CreateSolver(g, tol)).ToArray();
                _value = new double[n];
                _optimal = new bool[run._sa];
                _x = new double[Math.Max(1, run._moments)];
                _scratch = new EventScratch(n);
            }

            public void RunBlock(long block, int first, int count, BlockSums sums)
            {
                var run = _run;
                var mdp = run._mdp;
                int n = run._n;
                var rng = BlockRandom.ForBlock(run._o.Seed, block);
                sums.Reset(count);
                foreach (var solver in _solvers) solver.StartBlock();
                for (int i = 0; i < count; i++)
                {
                    run._owner.Rewards.Sample(rng, _r);
                    for (int s = 0; s < n; s++)
                        if (!double.IsFinite(_r[s]))
                            throw new InvalidOperationException($"the reward distribution produced a non-finite reward {_r[s]} for state '{mdp.StateNames[s]}'.");
                    for (int g = 0; g < run._gammas.Length; g++)
                    {
                        _solvers[g].Solve(_r, _value, _optimal);
                        var counts = sums.Counts[g];
                        for (int sa = 0; sa < run._sa; sa++)
                            if (_optimal[sa]) counts[sa]++;
                        var plans = run._events;
                        for (int e = 0; e < plans.Length; e++)
                            if (plans[e].Holds(_optimal, _scratch)) counts[run._sa + e]++;
                        if (run._moments > 0)
                        {
                            int k = 0;
                            if (run._power)
                            {
                                for (int s = 0; s < n; s++) _x[k++] = _value[s];
                                if (run._kept is not null) _value.AsSpan(0, n).CopyTo(run._kept[g].AsSpan((first + i) * n, n));
                            }
                            foreach (var req in run._comparisons)
                            {
                                double xa = mdp.ExpectedValue(mdp.FirstStateAction(req.State) + req.Action, _value);
                                double xb = mdp.ExpectedValue(mdp.FirstStateAction(req.State) + req.OtherAction, _value);
                                _x[k++] = xa;
                                _x[k++] = xb;
                                _x[k++] = xa - xb;
                            }
                            sums.Add(g, _x, i == 0);
                        }
                    }
                }
            }

            public void Dispose()
            {
                foreach (var solver in _solvers) (solver as IDisposable)?.Dispose();
            }
        }
    }
}

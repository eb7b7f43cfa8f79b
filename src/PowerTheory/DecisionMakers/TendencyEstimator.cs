using PowerTheory.Mdps;
using PowerTheory.Rewards;
using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// Monte Carlo estimation of POWER^pol and power-seeking tendencies for any policy-selection functions pol (OPTSP App. C;
/// docs/beyond-optimality.md). For reward samples R ~ D and each decision-maker's policy π = pol(R,γ):
/// <list type="bullet">
/// <item>P(a) = E_R[π(a|s)], the probability of taking each action at s;</item>
/// <item>P(avoid T) = E_R[1 − Σ_{t∈T} P*_π(s,t)], the probability that the long-run (Cesàro) distribution from s puts no
/// mass on the states T — "ends outside T";</item>
/// <item>POWER^pol(s,γ) = E_R[(1−γ)·Σ_a π(a|s)·Σ_s' T(s'|s,a)·V^π_R(s',γ)] for γ ∈ (0,1) (= (1−γ)/γ·E_R[V^π_R(s) − R(s)]),
/// with the limits E_R[Σ_a π(a|s)·Σ_s' T(s'|s,a)·R(s')] at γ = 0 and E_R[g^π_R(s)] (the gain) at γ = 1; for the optimal
/// agent these are the POWER engine's figures on the same samples.</item>
/// </list>
/// Every figure carries its standard error; every decision-maker is compared, sample by sample, with the optimal and
/// the uniformly random agent (paired differences), and given a verdict.
/// </summary>
/// <remarks>
/// Reproducibility: the rewards come from the POWER engine's block streams (seed, block), so sample i is the same reward
/// vector in both engines; a randomised decision-maker draws from a stream derived from (seed, i) only. Blocks run on the
/// engine's <c>BlockScheduler</c> and are merged in block order, so the figures are bit-identical for any thread count.
/// Cost per sample and decision-maker: the rule's own work plus one evaluation of its policy on the solver kernel
/// (<c>Solvers.PolicyFigures</c>: the deterministic evaluator of Howard's loop for one-action policies, a banded, dense
/// or sparse factorisation of I − γP_π for mixed ones, kept while the policy repeats). Long-run figures (γ = 1, an
/// avoid set) of mixed policies use a dense reduction per recurrent class and transient set, at most 2,000 states each;
/// a run whose random reference exceeds that is refused up front.
/// </remarks>
public sealed class TendencyEstimator
{
    /// <summary>Creates an estimator for <paramref name="mdp"/> under <paramref name="rewards"/> (default uniform(0,1) IID).</summary>
    public TendencyEstimator(Mdp mdp, RewardDistribution? rewards = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        Mdp = mdp;
        Rewards = rewards ?? RewardDistribution.UniformIid;
        Rewards.CheckStateCount(mdp.StateCount);
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The reward law D.</summary>
    public RewardDistribution Rewards { get; }

    /// <summary>Estimates the tendencies of <paramref name="decisionMakers"/> at <paramref name="state"/> and γ.</summary>
    /// <param name="decisionMakers">The decision-makers (the optimal and random references are always run as well).</param>
    /// <param name="gamma">γ ∈ [0,1] (each decision-maker may restrict it).</param>
    /// <param name="state">The state s (and the learners' start state).</param>
    /// <param name="options">Options (null: defaults).</param>
    /// <exception cref="ArgumentException">A bad γ, state, option or decision-maker context; the message names it.</exception>
    public TendencyResult Estimate(IReadOnlyList<DecisionMaker> decisionMakers, double gamma, int state, TendencyOptions? options = null)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        using var degradations = Internal.DegradationScope.Begin();
        options ??= new TendencyOptions();
        var run = new TendencyRun(Mdp, Rewards, decisionMakers, gamma, state, options);
        var shape = new BlockRunShape(options.Samples, run.BlockSize, run.Threads, run.Makers.Count, run.Layout.Moments, 1,
            options.Progress, options.CancellationToken, options.TimeLimit, start);
        var totals = BlockScheduler.Run(shape, () => new TendencyWorker(run), (w, b, first, count, sums) => w.RunBlock(b, first, count, sums));
        var tendencies = run.Makers.Select((m, g) => Build(run, totals, m, g)).ToArray();
        var layout = run.Layout;
        int favoured = Enumerable.Range(0, layout.Actions).MaxBy(a => tendencies[0].ActionsVersusRandom[a].Mean);
        double? secondsLeft = options.TimeLimit is { } limit
            ? (limit - System.Diagnostics.Stopwatch.GetElapsedTime(start)).TotalSeconds : null;
        var certificates = TendencyCertificates.Find(run, favoured, options.CertificateBudget, secondsLeft);
        bool avoid = run.Avoid.Length > 0;
        var significance = new TendencySignificance(TendencyJudge.Comparisons(run.Makers.Count, avoid, layout.Actions),
            options.FamilyWiseErrorRate);
        foreach (var t in tendencies) TendencyJudge.Judge(t, tendencies[0], tendencies[1], avoid, favoured, significance);
        return new TendencyResult(Mdp.Name, Mdp.StateNames, Mdp.ActionNames(run.State), gamma, run.State, run.Avoid, (int)totals.Count,
            options.Seed, Rewards.Spec, tendencies[0], tendencies[1], run.Requested.Select(i => tendencies[i]).ToArray(), favoured, certificates)
        {
            Significance = significance,
            SamplesRequested = options.Samples,
            StoppedAtTimeLimit = totals.StoppedAtTimeLimit,
        };
    }

    /// <summary>Estimates the tendencies by state name.</summary>
    public TendencyResult Estimate(IReadOnlyList<DecisionMaker> decisionMakers, double gamma, string state, TendencyOptions? options = null) =>
        Estimate(decisionMakers, gamma, Mdp.StateIndex(state), options);

    /// <summary>POWER^pol(s,γ) for every state under one decision-maker (whose start state is <paramref name="startState"/>).</summary>
    public IReadOnlyList<MonteCarloEstimate> PolicyPower(DecisionMaker decisionMaker, double gamma, int startState = 0, TendencyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decisionMaker);
        var o = options ?? new TendencyOptions();
        var copy = new TendencyOptions
        {
            Samples = o.Samples, Seed = o.Seed, Threads = o.Threads, BlockSize = o.BlockSize, TieTolerance = o.TieTolerance,
            FamilyWiseErrorRate = o.FamilyWiseErrorRate,
            Avoid = [], ComputePower = true, CertificateBudget = null, Progress = o.Progress, CancellationToken = o.CancellationToken,
            TimeLimit = o.TimeLimit,
        };
        return Estimate([decisionMaker], gamma, startState, copy).DecisionMakers[0].Power!;
    }

    private static DecisionMakerTendency Build(TendencyRun run, RunTotals totals, DecisionMaker maker, int g)
    {
        var l = run.Layout;
        MonteCarloEstimate E(int k) => totals.Estimate(g, k);
        var actions = Enumerable.Range(0, l.Actions).Select(a => E(l.Action(a))).ToArray();
        var versusOptimal = Enumerable.Range(0, l.Actions).Select(a => E(l.ActionVersusOptimal(a))).ToArray();
        var versusRandom = Enumerable.Range(0, l.Actions).Select(a => E(l.ActionVersusRandom(a))).ToArray();
        var power = l.PowerStates > 0 ? Enumerable.Range(0, l.PowerStates).Select(s => E(l.Power(s))).ToArray() : null;
        long approximations = (long)Math.Round(totals.Proportion(g, 0).Mean * totals.Count);
        return new DecisionMakerTendency(maker.Name, maker.Description, actions, versusOptimal, versusRandom,
            l.HasAvoid ? E(l.Avoid) : null, l.HasAvoid ? E(l.AvoidVersusOptimal) : null, l.HasAvoid ? E(l.AvoidVersusRandom) : null,
            power, approximations, maker.ApproximationNote);
    }
}

using PowerTheory.Mdps;
using PowerTheory.MonteCarlo;
using PowerTheory.Rewards;

namespace PowerTheory.DecisionMakers;

/// <summary>One tendency run's validated inputs: the MDP, the law, γ, the state, the avoided states, the decision-makers
/// (optimal and random first, as the references) with their prepared chooser factories, and the statistic layout.</summary>
internal sealed class TendencyRun
{
    public TendencyRun(Mdp mdp, RewardDistribution rewards, IReadOnlyList<DecisionMaker> makers, double gamma, int state, TendencyOptions o)
    {
        Mdp = mdp;
        Rewards = rewards;
        Options = o;
        if (double.IsNaN(gamma) || gamma < 0 || gamma > 1)
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"gamma must be in [0, 1]; got {gamma}.");
        Gamma = gamma;
        State = MdpPreconditions.CheckState(mdp, state, nameof(state));
        var shared = BlockPlan.Resolve(o.Samples, o.BlockSize, o.Threads, o.TimeLimit);
        TendencySignificance.CheckErrorRate(o.FamilyWiseErrorRate, nameof(o.FamilyWiseErrorRate));
        BlockSize = shared.BlockSize;
        Threads = shared.Threads;
        Avoid = (o.Avoid ?? []).ToArray();
        foreach (int t in Avoid) MdpPreconditions.CheckState(mdp, t, nameof(o.Avoid));
        if (Avoid.Distinct().Count() != Avoid.Length) throw new ArgumentException("Avoid lists a state twice.", nameof(o.Avoid));
        if (o.ComputePower) rewards.CheckBoundedForPower();
        if (gamma == 1 || Avoid.Length > 0) RequireLongRunFits(mdp, gamma);
        ArgumentNullException.ThrowIfNull(makers);
        if (makers.Count == 0) throw new ArgumentException("give at least one decision-maker.", nameof(makers));
        var all = new List<DecisionMaker> { DecisionMaker.Optimal, DecisionMaker.Random };
        Requested = new int[makers.Count];
        for (int i = 0; i < makers.Count; i++)
        {
            var m = makers[i] ?? throw new ArgumentException($"decision-maker {i} is null.", nameof(makers));
            int at = all.FindIndex(x => x.Name == m.Name);
            if (at >= 2) throw new ArgumentException($"decision-maker '{m.Name}' is listed twice.", nameof(makers));
            if (at >= 0 && !ReferenceEquals(m, all[at]))
                throw new ArgumentException($"the name '{m.Name}' is reserved for the built-in reference agent; give your decision-maker another name.", nameof(makers));
            if (at < 0) { at = all.Count; all.Add(m); }
            Requested[i] = at;
        }
        Makers = all;
        var context = new DecisionContext(mdp, gamma, State, o.Seed, o.TieTolerance);
        Factories = all.Select(m => m.Prepare(context)).ToArray();
        Layout = new TendencyLayout(mdp.ActionCount(State), Avoid.Length > 0, o.ComputePower ? mdp.StateCount : 0);
        RequireMemory(mdp, gamma, all.Count);
    }

    /// <summary>Refuses up front a run whose random reference agent's long-run distribution (needed at γ = 1 and for
    /// an avoid set) has a block larger than the dense reduction takes: the uniform policy's chain has every action's
    /// transitions, so its recurrent classes are the MDP's closed communicating classes.</summary>
    private static void RequireLongRunFits(Mdp mdp, double gamma)
    {
        var uniform = new double[mdp.StateActionCount];
        PolicyRows.Uniform(mdp, uniform);
        var (states, what) = new Solvers.PolicyLongRun(mdp, uniform).LargestBlock();
        if (states > Solvers.PolicyLongRun.MaxBlockStates)
            throw new ArgumentException(
                $"{(gamma == 1 ? "tendencies at γ = 1" : "an avoid set")} needs the long-run distribution of the random reference agent, " +
                $"whose {what} has {states:N0} states; the exact reduction handles at most {Solvers.PolicyLongRun.MaxBlockStates:N0}: " +
                "use γ < 1 without an avoid set on this MDP, or a smaller model.", gamma == 1 ? "gamma" : "Avoid");
    }

    /// <summary>Refuses, before anything large is allocated, a run whose estimated memory exceeds the budget: per worker
    /// and decision-maker the kernel's policy evaluator (<see cref="Solvers.StochasticPolicyEvaluator.EstimateBytes"/>)
    /// and, for long-run figures, the dense reduction's blocks; the optimal agent's solver; the statistics of a wave of
    /// blocks (<see cref="Budgets.MemoryEstimate.MonteCarloRun"/>).</summary>
    private void RequireMemory(Mdp mdp, double gamma, int groups)
    {
        bool longRun = gamma == 1 || Avoid.Length > 0;
        double perMaker = (gamma > 0 && gamma < 1 ? Solvers.StochasticPolicyEvaluator.EstimateBytes(mdp) : 0)
            + (longRun ? 2 * Budgets.MemoryEstimate.DenseMatrix(Math.Min(mdp.StateCount, Solvers.PolicyLongRun.MaxBlockStates))
                + Solvers.BlackwellLimitSolver.EstimateBytes(mdp) : 0);
        double optimalSolver = gamma > 0 && gamma < 1 ? Solvers.DiscountedPolicyEvaluator.EstimateBytes(mdp) : 0;
        MonteCarloMemory.Require(Options.Samples, BlockSize, Threads, mdp.StateCount, mdp.StateActionCount, Layout.Moments, 1, groups,
            groups * perMaker + optimalSolver, 0,
            workers => FormattableString.Invariant($"a tendency run of {groups} decision-makers on {mdp.StateCount} states with {workers} worker thread{(workers == 1 ? "" : "s")}"),
            "use fewer decision-makers or threads (--threads), or a smaller model");
    }

    public Mdp Mdp { get; }
    public RewardDistribution Rewards { get; }
    public TendencyOptions Options { get; }
    public double Gamma { get; }
    public int State { get; }
    /// <summary>The block size in use (<see cref="TendencyOptions.BlockSize"/>, resolved).</summary>
    public int BlockSize { get; }

    public int Threads { get; }
    public int[] Avoid { get; }

    /// <summary>Every decision-maker of the run: optimal, random, then the requested ones not among those.</summary>
    public IReadOnlyList<DecisionMaker> Makers { get; }

    /// <summary>For each requested decision-maker, its index in <see cref="Makers"/>.</summary>
    public int[] Requested { get; }

    public Func<PolicyChooser>[] Factories { get; }
    public TendencyLayout Layout { get; }

    /// <summary>Refuses a policy with a negative, non-finite or non-normalised row, naming the decision-maker and the state.</summary>
    public void CheckPolicy(int group, ReadOnlySpan<double> policy)
    {
        for (int s = 0; s < Mdp.StateCount; s++)
        {
            int first = Mdp.FirstStateAction(s), k = Mdp.ActionCount(s);
            double sum = 0;
            for (int a = 0; a < k; a++)
            {
                double p = policy[first + a];
                if (!double.IsFinite(p) || p < 0)
                    throw new InvalidOperationException($"decision-maker '{Makers[group].Name}' gave π({Mdp.ActionName(s, a)}|{Mdp.StateNames[s]}) = {p}; probabilities must be finite and non-negative.");
                sum += p;
            }
            if (Math.Abs(sum - 1) > 1e-9)
                throw new InvalidOperationException($"decision-maker '{Makers[group].Name}' gave probabilities at state '{Mdp.StateNames[s]}' summing to {sum:R}, expected 1.");
        }
    }
}

using System.Globalization;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// A trained tabular agent: Q-learning or SARSA run on the sampled reward for a budget of episodes from the start
/// state s₀, then greedy on the learned table (ties split uniformly). Per sample it trains from scratch (Q = 0) with the
/// per-sample generator, so results depend on (seed, sample) only. Each episode starts at s₀ and lasts
/// <see cref="Steps"/> steps; the agent receives R(s) for the state it acts in and moves to s' ~ T(·|s,a). Exploration is
/// ε-greedy with ε decaying linearly from <see cref="EpsilonStart"/> in the first episode to <see cref="EpsilonEnd"/>
/// in the last; the step size is a constant α. Updates:
/// <code>
///   Q-learning: Q(s,a) += α·(R(s) + γ·max_a' Q(s',a') − Q(s,a));   SARSA: Q(s,a) += α·(R(s) + γ·Q(s',a') − Q(s,a)), a' the next action taken.
/// </code>
/// γ ∈ (0,1). States never visited keep Q = 0 and so act uniformly at random.
/// </summary>
public sealed class TabularLearnerDecisionMaker : DecisionMaker
{
    /// <summary>Creates a learner.</summary>
    /// <param name="sarsa">False: Q-learning (off-policy); true: SARSA (on-policy).</param>
    /// <param name="episodes">Training episodes ≥ 1.</param>
    /// <param name="steps">Steps per episode ≥ 1; null uses |S| (set when prepared).</param>
    /// <param name="alpha">Step size α ∈ (0,1].</param>
    /// <param name="epsilonStart">ε in the first episode, in [0,1].</param>
    /// <param name="epsilonEnd">ε in the last episode, in [0,1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter outside its range.</exception>
    public TabularLearnerDecisionMaker(bool sarsa, int episodes, int? steps = null, double alpha = 0.5, double epsilonStart = 1.0, double epsilonEnd = 0.05)
    {
        string kind = sarsa ? "sarsa" : "qlearning";
        if (episodes < 1) throw new ArgumentOutOfRangeException(nameof(episodes), episodes, $"{kind}: episodes must be at least 1; got {episodes}.");
        if (steps is < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"{kind}: steps must be at least 1; got {steps}.");
        if (!(alpha > 0 && alpha <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"{kind}: alpha must be in (0, 1]; got {alpha}.");
        if (!(epsilonStart >= 0 && epsilonStart <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilonStart), epsilonStart, $"{kind}: eps must be in [0, 1]; got {epsilonStart}.");
        if (!(epsilonEnd >= 0 && epsilonEnd <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilonEnd), epsilonEnd, $"{kind}: epsmin must be in [0, 1]; got {epsilonEnd}.");
        IsSarsa = sarsa;
        Episodes = episodes;
        Steps = steps;
        Alpha = alpha;
        EpsilonStart = epsilonStart;
        EpsilonEnd = epsilonEnd;
    }

    /// <summary>True for SARSA, false for Q-learning.</summary>
    public bool IsSarsa { get; }

    /// <summary>Training episodes.</summary>
    public int Episodes { get; }

    /// <summary>Steps per episode (null: |S|).</summary>
    public int? Steps { get; }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>ε in the first episode.</summary>
    public double EpsilonStart { get; }

    /// <summary>ε in the last episode.</summary>
    public double EpsilonEnd { get; }

    /// <inheritdoc />
    public override string Name
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            string name = (IsSarsa ? "sarsa" : "qlearning") + ":episodes=" + Episodes.ToString(c);
            if (Steps is { } st) name += ":steps=" + st.ToString(c);
            if (Alpha != 0.5) name += ":alpha=" + Alpha.ToString("R", c);
            if (EpsilonStart != 1.0) name += ":eps=" + EpsilonStart.ToString("R", c);
            if (EpsilonEnd != 0.05) name += ":epsmin=" + EpsilonEnd.ToString("R", c);
            return name;
        }
    }

    /// <inheritdoc />
    public override string Description =>
        $"{(IsSarsa ? "SARSA" : "Q-learning")} for {Episodes} episodes from the start state, then greedy";

    /// <inheritdoc />
    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireOpenDiscount(Name, "tabular learning on discounted returns");
        Mdps.MdpPreconditions.CheckState(context.Mdp, context.StartState, nameof(context.StartState));
        int steps = Steps ?? context.Mdp.StateCount;
        return () => new TabularLearnerChooser(context, IsSarsa, Episodes, steps, Alpha, EpsilonStart, EpsilonEnd);
    }
}

namespace PowerTheory.DecisionMakers;

/// <summary>
/// A policy-selection function pol : ℝ^S × [0,1] → stochastic policies (OPTSP App. C; docs/beyond-optimality.md): given a
/// reward vector R and the discount γ it returns the policy this kind of agent would follow. Optimal play is one choice;
/// the built-ins add Boltzmann-rational, ε-greedy, finite-horizon, satisficing, uniformly random, attainable-utility-
/// preserving (AUP) and trained tabular (Q-learning, SARSA) agents, and <see cref="FromFunction"/> plugs in any other.
/// </summary>
/// <remarks>
/// Lifecycle: <see cref="Prepare"/> is called once per run with the <see cref="DecisionContext"/>; it validates the
/// context (refusing, e.g., a γ the rule cannot plan with), does shared design-time work (AUP's auxiliary values) and
/// returns a factory of per-thread <see cref="PolicyChooser"/>s. A rule may be randomised (a satisficer draws one
/// policy, a learner trains on random episodes); it then draws only from the per-sample generator it is given, so every
/// figure is reproducible from the seed for any thread count.
/// </remarks>
public abstract class DecisionMaker
{
    /// <summary>The canonical spec, e.g. <c>boltzmann:T=0.1</c> (what <see cref="DecisionMakerSpec.Parse"/> reads back).</summary>
    public abstract string Name { get; }

    /// <summary>A one-line description of the rule and how it is computed.</summary>
    public abstract string Description { get; }

    /// <summary>What a sample that returned false from <see cref="PolicyChooser.Choose"/> used instead of the exact rule
    /// (null when the rule is always exact).</summary>
    public virtual string? ApproximationNote => null;

    /// <summary>Validates <paramref name="context"/>, does shared precomputation and returns a factory of per-thread
    /// choosers.</summary>
    /// <exception cref="ArgumentException">The context is unsuitable (the message names the decision-maker and why).</exception>
    public abstract Func<PolicyChooser> Prepare(DecisionContext context);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The optimal agent: uniform over the optimal actions Π*(R,γ) at every state (ties split uniformly).</summary>
    public static DecisionMaker Optimal { get; } = new OptimalDecisionMaker();

    /// <summary>The uniformly random policy π(a|s) = 1/|A(s)|.</summary>
    public static DecisionMaker Random { get; } = new RandomDecisionMaker();

    /// <summary>Wraps a user-supplied policy-selection function (always reported exact).</summary>
    /// <param name="name">A name for tables and JSON.</param>
    /// <param name="select">pol(R, γ); must be thread-safe.</param>
    public static DecisionMaker FromFunction(string name, PolicySelection select)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(select);
        return new DelegateDecisionMaker(name, select);
    }

    private sealed class DelegateDecisionMaker(string name, PolicySelection select) : DecisionMaker
    {
        public override string Name => name;

        public override string Description => $"user-supplied policy-selection function '{name}'";

        public override Func<PolicyChooser> Prepare(DecisionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            return () => new Chooser(context, select);
        }

        private sealed class Chooser(DecisionContext context, PolicySelection select) : PolicyChooser
        {
            public override bool Choose(ReadOnlySpan<double> rewards, System.Random random, Span<double> policy)
            {
                select(context, rewards, random, policy);
                return true;
            }
        }
    }
}

using PowerTheory.Budgets;

namespace PowerTheory.DecisionMakers;

/// <summary>One registered decision-maker: its name, an example spec, what it is, its parameters (one line each:
/// <c>KEY (range, default): meaning</c>) and how it is built from its arguments.</summary>
internal sealed record DecisionMakerEntry(string Name, string Example, string Summary, IReadOnlyList<string> Parameters,
    Func<DecisionMakerArguments, DecisionMaker> Create);

/// <summary>
/// The registry of built-in decision-makers: the one list the spec parser (<see cref="DecisionMakerSpec"/>), the CLI's
/// help text (<see cref="HelpList"/>) and the docs read. Adding a decision-maker is its class plus one line here
/// (docs/architecture.md).
/// </summary>
internal static class DecisionMakerRegistry
{
    // Declared before All: static initialisers run in text order.
    private static readonly string[] LearnerParameters =
    [
        "episodes (whole, required): training episodes", "steps (whole, default |S|): steps per episode",
        "alpha ((0, 1], default 0.5): learning rate", "eps ([0, 1], default 1): initial exploration",
        "epsmin ([0, 1], default 0.05): final exploration",
    ];

    public static IReadOnlyList<DecisionMakerEntry> All { get; } =
    [
        new("optimal", "optimal", "uniform over the optimal actions of Π*(R,γ)", [], _ => DecisionMaker.Optimal),
        new("random", "random", "the uniformly random policy", [], _ => DecisionMaker.Random),
        new("boltzmann", "boltzmann:T=0.1", "Boltzmann-rational, soft value iteration", ["T (> 0, required): temperature"],
            a => new BoltzmannDecisionMaker(a.Double("T"))),
        new("epsilon-greedy", "epsilon-greedy:eps=0.1", "optimal with probability 1 − ε, else uniform",
            ["eps ([0, 1], required): exploration probability"], a => new EpsilonGreedyDecisionMaker(a.Double("eps"))),
        new("horizon", "horizon:H=1", "receding-horizon planner over the next H rewards",
            ["H (whole, [1, 10⁶], required): horizon"], a => new HorizonDecisionMaker(a.Int("H"))),
        new("satisfice", "satisfice:q=0.8", "a policy drawn among those reaching the q-quantile of values at the start state",
            ["q ([0, 1], required): quantile", "budget (whole, default 4096): node limit of the enumeration and of the draws"],
            a => new SatisficerDecisionMaker(a.Double("q"), a.Has("budget") ? new SearchBudget(maxNodes: a.Int("budget")) : null)),
        new("aup", "aup:lambda=0.5", "attainable utility preservation: R minus λ times the change in auxiliary values",
            ["lambda (≥ 0, required): penalty weight", "aux (whole, default 5): auxiliary rewards", "noop (action name, default stay or noop): the no-op"],
            a => new AupDecisionMaker(a.Double("lambda"), a.Has("aux") ? a.Int("aux") : 5, a.String("noop"))),
        new("qlearning", "qlearning:episodes=200", "tabular Q-learning from the start state", LearnerParameters,
            a => Learner(a, sarsa: false)),
        new("sarsa", "sarsa:episodes=200", "tabular SARSA from the start state", LearnerParameters,
            a => Learner(a, sarsa: true)),
    ];

    private static DecisionMaker Learner(DecisionMakerArguments a, bool sarsa) =>
        new TabularLearnerDecisionMaker(sarsa, a.Int("episodes"), a.Has("steps") ? a.Int("steps") : null,
            a.Has("alpha") ? a.Double("alpha") : 0.5, a.Has("eps") ? a.Double("eps") : 1.0, a.Has("epsmin") ? a.Double("epsmin") : 0.05);

    /// <summary>The entry named <paramref name="name"/> (lower case), or null.</summary>
    public static DecisionMakerEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The examples, comma-separated, for help texts: <c>optimal, random, boltzmann:T=0.1, …</c>.</summary>
    public static string HelpList => string.Join(", ", All.Select(e => e.Example));
}

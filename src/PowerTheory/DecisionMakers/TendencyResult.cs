namespace PowerTheory.DecisionMakers;

/// <summary>The result of a tendency run (see <see cref="TendencyEstimator"/>).</summary>
public sealed class TendencyResult
{
    internal TendencyResult(string? mdpName, IReadOnlyList<string> stateNames, IReadOnlyList<string> actionNames, double gamma, int state,
        IReadOnlyList<int> avoid, int samples, ulong seed, string rewards, DecisionMakerTendency optimal, DecisionMakerTendency random,
        IReadOnlyList<DecisionMakerTendency> decisionMakers, int favouredAction, IReadOnlyList<TendencyCertificate> certificates)
    {
        MdpName = mdpName;
        StateNames = stateNames;
        ActionNames = actionNames;
        Gamma = gamma;
        State = state;
        Avoid = avoid;
        Samples = samples;
        Seed = seed;
        Rewards = rewards;
        Optimal = optimal;
        Random = random;
        DecisionMakers = decisionMakers;
        FavouredAction = favouredAction;
        Certificates = certificates;
    }

    /// <summary>The MDP's name, if any.</summary>
    public string? MdpName { get; }

    /// <summary>The MDP's state names.</summary>
    public IReadOnlyList<string> StateNames { get; }

    /// <summary>The action names at <see cref="State"/>.</summary>
    public IReadOnlyList<string> ActionNames { get; }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <summary>The state s whose action probabilities are reported (and the learners' start state).</summary>
    public int State { get; }

    /// <summary>The avoided states.</summary>
    public IReadOnlyList<int> Avoid { get; }

    /// <summary>N.</summary>
    public int Samples { get; }

    /// <summary>The samples requested (<see cref="TendencyOptions.Samples"/>).</summary>
    public int SamplesRequested { get; init; }

    /// <summary>True when <see cref="TendencyOptions.TimeLimit"/> ran out first: the figures are those of the first
    /// <see cref="Samples"/> samples.</summary>
    public bool StoppedAtTimeLimit { get; init; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The reward law's spec.</summary>
    public string Rewards { get; }

    /// <summary>The optimal agent (the reference of every verdict).</summary>
    public DecisionMakerTendency Optimal { get; }

    /// <summary>The uniformly random agent (the no-tendency baseline).</summary>
    public DecisionMakerTendency Random { get; }

    /// <summary>The requested decision-makers, in the order given.</summary>
    public IReadOnlyList<DecisionMakerTendency> DecisionMakers { get; }

    /// <summary>a⁺ = argmax_a (P_opt(a) − P_rand(a)): the action the optimal agent favours most over the random one; the
    /// verdicts are about it when no avoided states were given.</summary>
    public int FavouredAction { get; }

    /// <summary>The theorem's bounds found for this tendency (symmetry certificates).</summary>
    public IReadOnlyList<TendencyCertificate> Certificates { get; }

    /// <summary>The significance rule the verdicts used: m comparisons, family-wise α, threshold z* = Φ⁻¹(1 − α/(2m)).</summary>
    public TendencySignificance Significance { get; init; } = null!;

    /// <summary>Fallbacks taken below the run (e.g. a solver accepting a looser residual), by description and count —
    /// empty when the run was exact.</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    /// <summary>What the verdicts are about, in words.</summary>
    public string Tendency => Avoid.Count > 0
        ? $"avoiding {{{string.Join(", ", Avoid.Select(t => StateNames[t]))}}} in the long run from {StateNames[State]}"
        : $"taking '{ActionNames[FavouredAction]}' at {StateNames[State]}";
}

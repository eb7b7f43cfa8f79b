using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// One decision-maker's figures from a tendency run, each a Monte Carlo mean over reward samples R ~ D (and over the
/// rule's own randomness) with its standard error: the probability E_R[π(a|s)] that the policy pol(R,γ) takes each
/// action at the state, the probability that it avoids the listed states in the long run, POWER^pol for every state,
/// and the verdict against the optimal agent.
/// </summary>
public sealed class DecisionMakerTendency
{
    internal DecisionMakerTendency(string name, string description, IReadOnlyList<MonteCarloEstimate> actions,
        IReadOnlyList<MonteCarloEstimate> actionsVersusOptimal, IReadOnlyList<MonteCarloEstimate> actionsVersusRandom,
        MonteCarloEstimate? avoid, MonteCarloEstimate? avoidVersusOptimal, MonteCarloEstimate? avoidVersusRandom,
        IReadOnlyList<MonteCarloEstimate>? power, long approximations, string? approximationNote)
    {
        Name = name;
        Description = description;
        ActionProbabilities = actions;
        ActionsVersusOptimal = actionsVersusOptimal;
        ActionsVersusRandom = actionsVersusRandom;
        Avoid = avoid;
        AvoidVersusOptimal = avoidVersusOptimal;
        AvoidVersusRandom = avoidVersusRandom;
        Power = power;
        Approximations = approximations;
        ApproximationNote = approximationNote;
    }

    /// <summary>The decision-maker's canonical name.</summary>
    public string Name { get; }

    /// <summary>Its description.</summary>
    public string Description { get; }

    /// <summary>Per action a at the state: E_R[π(a|s)].</summary>
    public IReadOnlyList<MonteCarloEstimate> ActionProbabilities { get; }

    /// <summary>Per action: the paired difference E_R[π(a|s) − π_opt(a|s)] (same samples).</summary>
    public IReadOnlyList<MonteCarloEstimate> ActionsVersusOptimal { get; }

    /// <summary>Per action: the paired difference E_R[π(a|s) − π_rand(a|s)].</summary>
    public IReadOnlyList<MonteCarloEstimate> ActionsVersusRandom { get; }

    /// <summary>E_R[1 − P*_π(s, T)], the probability of ending outside the avoided states T (null when none were given).</summary>
    public MonteCarloEstimate? Avoid { get; }

    /// <summary>The paired difference of <see cref="Avoid"/> from the optimal agent's.</summary>
    public MonteCarloEstimate? AvoidVersusOptimal { get; }

    /// <summary>The paired difference of <see cref="Avoid"/> from the random agent's.</summary>
    public MonteCarloEstimate? AvoidVersusRandom { get; }

    /// <summary>POWER^pol(s,γ) for every state (null when not computed).</summary>
    public IReadOnlyList<MonteCarloEstimate>? Power { get; }

    /// <summary>Samples that used the rule's approximation (<see cref="ApproximationNote"/>).</summary>
    public long Approximations { get; }

    /// <summary>What an approximate sample used (null for exact rules).</summary>
    public string? ApproximationNote { get; }

    /// <summary>The verdict on the run's main tendency (set by the run).</summary>
    public TendencyVerdict Verdict { get; internal set; }

    /// <summary>The one-line verdict with its evidence and the test it used.</summary>
    public string VerdictText { get; internal set; } = "";

    /// <summary>For a <see cref="TendencyVerdict.NotDistinguishable"/> verdict: the samples ⌈N·(z*/z)²⌉ at which the
    /// observed difference would be significant (null when no difference was observed, or when the verdict is decided).</summary>
    public long? SamplesNeeded { get; internal set; }
}

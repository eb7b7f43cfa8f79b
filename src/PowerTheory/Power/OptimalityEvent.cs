using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// A user-given set F of visit distributions from a state s whose optimality probability
/// P_D(F,γ) = P_{R~D}(∃ π∈Π*(R,γ) with f^{π,s}∈F) the engine estimates (docs/theory.md §1.3), for every γ ∈ [0,1]: at the
/// endpoints Π*(R,0) and Π*(R,1) are the limits of Π*(R,γ) (γ = 1: the Blackwell-optimal policies), so P_D(F,0) and
/// P_D(F,1) are the limits of the γ ∈ (0,1) quantity. Two forms:
/// <list type="bullet">
/// <item><see cref="FromPolicies"/>: F = {f^{π,s} : π in a list of deterministic policies}. Per sample the event holds
/// when some listed policy takes an optimal action at every state it reaches from s with positive probability (such a
/// policy is optimal from s, and conversely), deterministic or stochastic MDPs alike.</item>
/// <item><see cref="EndsIn(Mdp, int, IEnumerable{int}, string?)"/>: "some optimal policy from s ends in one of these
/// states": it is absorbed, with probability 1, in a target t whose self-loop it then takes forever (each target must
/// have a self-loop action). Per sample: almost-sure reachability of the targets whose self-loop is optimal, through
/// optimal actions.</item>
/// </list>
/// With a continuous reward law ties have probability 0 and "some optimal policy" is "the optimal policy"; with discrete
/// laws ties count in favour of the event (the weak "≥" convention of the papers).
/// </summary>
public sealed class OptimalityEvent
{
    private OptimalityEvent(OptimalityEventKind kind, int state, IReadOnlyList<Policy>? policies, IReadOnlyList<int>? targets, string description)
    {
        Kind = kind;
        State = state;
        Policies = policies;
        Targets = targets;
        Description = description;
    }

    /// <summary>Which form the event has.</summary>
    public OptimalityEventKind Kind { get; }

    /// <summary>The start state s.</summary>
    public int State { get; }

    /// <summary>The policies whose visit distributions from s form F (for <see cref="FromPolicies"/>).</summary>
    public IReadOnlyList<Policy>? Policies { get; }

    /// <summary>The target 1-cycle states (for <see cref="EndsIn(Mdp, int, IEnumerable{int}, string?)"/>).</summary>
    public IReadOnlyList<int>? Targets { get; }

    /// <summary>A description for reports.</summary>
    public string Description { get; }

    /// <summary>F = {f^{π,s} : π ∈ <paramref name="policies"/>} (at least one policy; all for the same MDP).</summary>
    public static OptimalityEvent FromPolicies(int state, IEnumerable<Policy> policies, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = policies.ToList();
        if (list.Count == 0) throw new ArgumentException("the policy set F must contain at least one policy.", nameof(policies));
        var mdp = list[0].Mdp;
        if (list.Any(p => !ReferenceEquals(p.Mdp, mdp)))
            throw new ArgumentException("all policies of the set must belong to the same MDP.", nameof(policies));
        if ((uint)state >= (uint)mdp.StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"state must be in [0, {mdp.StateCount - 1}]; got {state}.");
        return new OptimalityEvent(OptimalityEventKind.Policies, state, list.AsReadOnly(), null,
            description ?? $"optimal policy from '{mdp.StateNames[state]}' has the visit distribution of one of {list.Count} given policies");
    }

    /// <summary>"Some optimal policy from <paramref name="state"/> ends in (is absorbed with probability 1 in, and stays
    /// forever at) one of <paramref name="targets"/>"; each target must have a self-loop action.</summary>
    public static OptimalityEvent EndsIn(Mdp mdp, int state, IEnumerable<int> targets, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(targets);
        if ((uint)state >= (uint)mdp.StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"state must be in [0, {mdp.StateCount - 1}]; got {state}.");
        var list = targets.Distinct().OrderBy(t => t).ToList();
        if (list.Count == 0) throw new ArgumentException("EndsIn needs at least one target state.", nameof(targets));
        foreach (int t in list)
        {
            if ((uint)t >= (uint)mdp.StateCount)
                throw new ArgumentOutOfRangeException(nameof(targets), t, $"target must be a state index in [0, {mdp.StateCount - 1}]; got {t}.");
            if (!mdp.HasSelfLoop(t))
                throw new ArgumentException($"target state '{mdp.StateNames[t]}' has no self-loop, so no policy can end (stay) there.", nameof(targets));
        }
        return new OptimalityEvent(OptimalityEventKind.EndsIn, state, null, list.AsReadOnly(),
            description ?? $"optimal policy from '{mdp.StateNames[state]}' ends in {{{string.Join(", ", list.Select(t => mdp.StateNames[t]))}}}");
    }

    /// <summary>"Some optimal policy from <paramref name="state"/> ends in one of the named target states".</summary>
    public static OptimalityEvent EndsIn(Mdp mdp, string state, params string[] targets)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return EndsIn(mdp, mdp.StateIndex(state), targets.Select(mdp.StateIndex));
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}

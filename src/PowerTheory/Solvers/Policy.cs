using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// A stationary deterministic policy π : S → A, stored as one action index per state (indices into each state's own
/// action set). Immutable.
/// </summary>
public sealed class Policy : IEquatable<Policy>
{
    private readonly int[] _actions;

    /// <summary>Creates a policy from one action index per state.</summary>
    /// <exception cref="ArgumentException">The array has the wrong length or names an action a state does not have.</exception>
    public Policy(Mdp mdp, IReadOnlyList<int> actions)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != mdp.StateCount)
            throw new ArgumentException($"a policy needs one action per state ({mdp.StateCount}); got {actions.Count}.", nameof(actions));
        _actions = new int[actions.Count];
        for (int s = 0; s < _actions.Length; s++)
        {
            int a = actions[s];
            if ((uint)a >= (uint)mdp.ActionCount(s))
                throw new ArgumentException(
                    $"policy action {a} at state '{mdp.StateNames[s]}' is out of range; that state has actions 0..{mdp.ActionCount(s) - 1}.",
                    nameof(actions));
            _actions[s] = a;
        }
        Mdp = mdp;
    }

    private Policy(Mdp mdp, int[] actions, bool _)
    {
        Mdp = mdp;
        _actions = actions;
    }

    internal static Policy Wrap(Mdp mdp, int[] actions) => new(mdp, actions, true);

    /// <summary>The MDP this policy is for.</summary>
    public Mdp Mdp { get; }

    /// <summary>π(s), an action index at state <paramref name="state"/>.</summary>
    public int this[int state] => _actions[state];

    /// <summary>The action index per state.</summary>
    public IReadOnlyList<int> Actions => Array.AsReadOnly(_actions);

    internal ReadOnlySpan<int> ActionSpan => _actions;

    /// <summary>The global state-action index of π(s).</summary>
    public int StateActionAt(int state) => Mdp.FirstStateAction(state) + _actions[state];

    /// <summary>The policy that takes action 0 everywhere.</summary>
    public static Policy First(Mdp mdp) => Wrap(mdp, new int[mdp.StateCount]);

    /// <summary>Builds a policy from a map state name → action name. States not in the map take
    /// <paramref name="defaultAction"/> (action index 0 by default); pass a negative value to require every state.</summary>
    public static Policy FromNames(Mdp mdp, IReadOnlyDictionary<string, string> actions, int defaultAction = 0)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(actions);
        var result = new int[mdp.StateCount];
        Array.Fill(result, defaultAction);
        foreach (var (state, action) in actions)
        {
            int s = mdp.StateIndex(state);
            result[s] = mdp.ActionIndex(s, action);
        }
        int missing = Array.FindIndex(result, a => a < 0);
        if (missing >= 0)
            throw new ArgumentException($"the policy gives no action for state '{mdp.StateNames[missing]}'.", nameof(actions));
        return new Policy(mdp, result);
    }

    /// <summary>The policy as a map state name → action name.</summary>
    public IReadOnlyDictionary<string, string> ToNames()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int s = 0; s < _actions.Length; s++) d[Mdp.StateNames[s]] = Mdp.ActionName(s, _actions[s]);
        return d;
    }

    /// <summary>All |Π| = ∏_s |A(s)| deterministic policies, in lexicographic order (for brute force on tiny MDPs).</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="limit">Refuse when ∏_s |A(s)| exceeds this number.</param>
    public static IEnumerable<Policy> EnumerateAll(Mdp mdp, long limit = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        double count = 1;
        for (int s = 0; s < mdp.StateCount; s++) count *= mdp.ActionCount(s);
        if (count > limit)
            throw new InvalidOperationException(
                $"the MDP has {count:G4} deterministic policies, more than the limit {limit}; enumerate only on tiny MDPs.");
        return Enumerate(mdp);

        static IEnumerable<Policy> Enumerate(Mdp mdp)
        {
            var current = new int[mdp.StateCount];
            while (true)
            {
                yield return Wrap(mdp, (int[])current.Clone());
                int s = mdp.StateCount - 1;
                while (s >= 0)
                {
                    current[s]++;
                    if (current[s] < mdp.ActionCount(s)) break;
                    current[s] = 0;
                    s--;
                }
                if (s < 0) yield break;
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(Policy? other) =>
        other is not null && (ReferenceEquals(Mdp, other.Mdp) || Mdp.Equals(other.Mdp)) && _actions.AsSpan().SequenceEqual(other._actions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Policy);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var a in _actions) h.Add(a);
        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        "{" + string.Join(", ", Enumerable.Range(0, _actions.Length).Select(s => $"{Mdp.StateNames[s]}: {Mdp.ActionName(s, _actions[s])}")) + "}";
}

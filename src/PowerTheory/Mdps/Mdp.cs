using System.Collections.ObjectModel;
using PowerTheory.Internal;

namespace PowerTheory.Mdps;

/// <summary>
/// An immutable finite Markov decision process ⟨S, A, T⟩ with named states, per-state named action sets and
/// stochastic transitions stored as sparse rows (CSR).
/// </summary>
/// <remarks>
/// <para>States are indexed 0..n−1 in the order given at construction. Each state s has its own actions
/// a = 0..|A(s)|−1; the pair (s, a) has a global <em>state-action index</em> <c>FirstStateAction(s) + a</c>, and the row
/// T(·|s,a) lists the successors with positive probability in increasing state order. Probabilities in each row are
/// non-negative and sum to 1 within <see cref="RowSumTolerance"/>.</para>
/// <para>Reward is state-based (R : S → ℝ, received at every visited state including the first), so it is not part of the
/// model; a file's default reward vector, discount and reward-distribution spec travel beside the model in a
/// <c>MdpDocument</c> (PowerTheory.IO). Equality is structural: the same state names, action names and transition rows
/// (the model's <see cref="Name"/> and display <see cref="Labels"/> do not take part), so a policy made for one MDP
/// works for an equal one.</para>
/// <para>Build one with <see cref="MdpBuilder"/>, <see cref="FromDense"/>, or the file readers of PowerTheory.IO (<c>MdpFormats</c>, <c>MdpJson</c>).</para>
/// </remarks>
public sealed partial class Mdp : IEquatable<Mdp>
{
    /// <summary>The largest allowed |Σ_s' T(s'|s,a) − 1| for a transition row.</summary>
    public const double RowSumTolerance = 1e-9;

    private readonly string[] _stateNames;
    private readonly string[] _actionNames;       // per state-action
    private readonly int[] _actionOffsets;         // n+1
    private readonly int[] _transitionOffsets;     // SA+1
    private readonly int[] _successors;            // nnz
    private readonly double[] _probabilities;      // nnz
    private readonly int[] _stateOfStateAction;    // SA
    private readonly Dictionary<string, int> _stateIndex;

    internal Mdp(
        string? name,
        string[] stateNames,
        string[] actionNames,
        int[] actionOffsets,
        int[] transitionOffsets,
        int[] successors,
        double[] probabilities,
        IReadOnlyDictionary<string, string>? labels)
    {
        Name = name;
        _stateNames = stateNames;
        _actionNames = actionNames;
        _actionOffsets = actionOffsets;
        _transitionOffsets = transitionOffsets;
        _successors = successors;
        _probabilities = probabilities;
        Labels = new ReadOnlyDictionary<string, string>(
            labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels));
        _stateIndex = new Dictionary<string, int>(stateNames.Length, StringComparer.Ordinal);
        for (int s = 0; s < stateNames.Length; s++) _stateIndex[stateNames[s]] = s;
        _stateOfStateAction = new int[actionNames.Length];
        bool deterministic = true;
        for (int s = 0; s < stateNames.Length; s++)
        {
            for (int sa = actionOffsets[s]; sa < actionOffsets[s + 1]; sa++)
            {
                _stateOfStateAction[sa] = s;
                if (transitionOffsets[sa + 1] - transitionOffsets[sa] != 1) deterministic = false;
            }
        }
        IsDeterministic = deterministic;
        StateNames = Array.AsReadOnly(_stateNames);
    }

    /// <summary>An optional name (from the file's <c>name</c> field or the builder).</summary>
    public string? Name { get; }

    /// <summary>Optional free-text display labels per state name (from the file's <c>labels</c> field), for example ⋆ or
    /// "shutdown"; not part of equality.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The number of states |S|.</summary>
    public int StateCount => _stateNames.Length;

    /// <summary>The total number of state-action pairs Σ_s |A(s)|.</summary>
    public int StateActionCount => _actionNames.Length;

    /// <summary>The number of stored transitions (non-zero entries of T).</summary>
    public int TransitionCount => _successors.Length;

    /// <summary>True when every row T(·|s,a) is a point mass.</summary>
    public bool IsDeterministic { get; }

    /// <summary>The state names in index order.</summary>
    public IReadOnlyList<string> StateNames { get; }

    /// <summary>|A(s)|, the number of actions available at state <paramref name="state"/>.</summary>
    public int ActionCount(int state) => _actionOffsets[state + 1] - _actionOffsets[state];

    /// <summary>The global state-action index of action 0 at <paramref name="state"/>; action a is at this index + a.</summary>
    public int FirstStateAction(int state) => _actionOffsets[state];

    /// <summary>The global state-action index of (state, action).</summary>
    public int StateActionIndex(int state, int action)
    {
        MdpPreconditions.CheckState(this, state);
        if ((uint)action >= (uint)ActionCount(state))
            throw new ArgumentOutOfRangeException(nameof(action), action,
                $"state '{_stateNames[state]}' has actions 0..{ActionCount(state) - 1}; got action {action}.");
        return _actionOffsets[state] + action;
    }

    /// <summary>The state a global state-action index belongs to.</summary>
    public int StateOf(int stateAction) => _stateOfStateAction[stateAction];

    /// <summary>The name of action <paramref name="action"/> at <paramref name="state"/>.</summary>
    public string ActionName(int state, int action) => _actionNames[StateActionIndex(state, action)];

    /// <summary>The action names available at <paramref name="state"/>, in index order.</summary>
    public IReadOnlyList<string> ActionNames(int state) =>
        new ArraySegment<string>(_actionNames, _actionOffsets[state], ActionCount(state));

    /// <summary>The successors with positive probability of the state-action pair <paramref name="stateAction"/>, ascending.</summary>
    public ReadOnlySpan<int> Successors(int stateAction) =>
        _successors.AsSpan(_transitionOffsets[stateAction], _transitionOffsets[stateAction + 1] - _transitionOffsets[stateAction]);

    /// <summary>The probabilities T(s'|s,a) matching <see cref="Successors(int)"/>.</summary>
    public ReadOnlySpan<double> Probabilities(int stateAction) =>
        _probabilities.AsSpan(_transitionOffsets[stateAction], _transitionOffsets[stateAction + 1] - _transitionOffsets[stateAction]);

    /// <summary>E_{s'~T(·|s,a)} x(s') = Σ_s' T(s'|s,a)·x(s') for the state-action pair <paramref name="stateAction"/>.</summary>
    /// <param name="stateAction">A global state-action index.</param>
    /// <param name="values">x, one entry per state.</param>
    public double ExpectedValue(int stateAction, ReadOnlySpan<double> values)
    {
        int end = _transitionOffsets[stateAction + 1];
        double e = 0;
        for (int k = _transitionOffsets[stateAction]; k < end; k++) e += _probabilities[k] * values[_successors[k]];
        return e;
    }

    /// <summary>T(s'|s,a) for one triple (0 when s' is not a successor).</summary>
    public double TransitionProbability(int state, int action, int successor)
    {
        int sa = StateActionIndex(state, action);
        MdpPreconditions.CheckState(this, successor, nameof(successor));
        var succ = Successors(sa);
        int k = succ.BinarySearch(successor);
        return k >= 0 ? Probabilities(sa)[k] : 0.0;
    }

    /// <summary>CSR offsets: the actions of state s are the state-action indices [offsets[s], offsets[s+1]).</summary>
    public ReadOnlySpan<int> StateActionOffsets => _actionOffsets;

    /// <summary>CSR offsets: the transitions of state-action sa are entries [offsets[sa], offsets[sa+1]) of
    /// <see cref="AllSuccessors"/> and <see cref="AllProbabilities"/>.</summary>
    public ReadOnlySpan<int> TransitionOffsets => _transitionOffsets;

    /// <summary>All successor indices, row after row (see <see cref="TransitionOffsets"/>).</summary>
    public ReadOnlySpan<int> AllSuccessors => _successors;

    /// <summary>All transition probabilities, row after row (see <see cref="TransitionOffsets"/>).</summary>
    public ReadOnlySpan<double> AllProbabilities => _probabilities;

    internal int[] ActionOffsetsArray => _actionOffsets;
    internal int[] TransitionOffsetsArray => _transitionOffsets;
    internal int[] SuccessorsArray => _successors;
    internal double[] ProbabilitiesArray => _probabilities;

    /// <summary>The index of the state called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No state has that name.</exception>
    public int StateIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_stateIndex.TryGetValue(name, out int s)) return s;
        throw new ArgumentException($"unknown state '{name}'; the MDP has states {DescribeNames(_stateNames)}.", nameof(name));
    }

    /// <summary>Looks up a state index by name.</summary>
    public bool TryGetStateIndex(string name, out int state) => _stateIndex.TryGetValue(name, out state);

    /// <summary>The index (within <paramref name="state"/>'s action set) of the action called <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentException">The state has no action with that name.</exception>
    public int ActionIndex(int state, string action)
    {
        MdpPreconditions.CheckState(this, state);
        ArgumentNullException.ThrowIfNull(action);
        for (int a = 0; a < ActionCount(state); a++)
            if (string.Equals(_actionNames[_actionOffsets[state] + a], action, StringComparison.Ordinal)) return a;
        throw new ArgumentException(
            $"state '{_stateNames[state]}' has no action '{action}'; its actions are {DescribeNames(ActionNames(state))}.",
            nameof(action));
    }

    /// <summary>True when some action at <paramref name="state"/> is a self-loop (T(s,a) = e_s): a 1-cycle.</summary>
    public bool HasSelfLoop(int state)
    {
        for (int sa = _actionOffsets[state]; sa < _actionOffsets[state + 1]; sa++)
        {
            var succ = Successors(sa);
            if (succ.Length == 1 && succ[0] == state) return true;
        }
        return false;
    }

    /// <summary>True when every action at <paramref name="state"/> is a self-loop (a terminal state).</summary>
    public bool IsTerminal(int state)
    {
        for (int sa = _actionOffsets[state]; sa < _actionOffsets[state + 1]; sa++)
        {
            var succ = Successors(sa);
            if (succ.Length != 1 || succ[0] != state) return false;
        }
        return true;
    }

    /// <summary>A copy with another name (equal to this one: the name is not part of equality).</summary>
    public Mdp WithName(string? name) =>
        new(name, _stateNames, _actionNames, _actionOffsets, _transitionOffsets, _successors, _probabilities, Labels);

    /// <inheritdoc />
    public bool Equals(Mdp? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return _stateNames.AsSpan().SequenceEqual(other._stateNames)
            && _actionNames.AsSpan().SequenceEqual(other._actionNames)
            && _actionOffsets.AsSpan().SequenceEqual(other._actionOffsets)
            && _transitionOffsets.AsSpan().SequenceEqual(other._transitionOffsets)
            && _successors.AsSpan().SequenceEqual(other._successors)
            && _probabilities.AsSpan().SequenceEqual(other._probabilities);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Mdp);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(StateCount);
        h.Add(StateActionCount);
        h.Add(TransitionCount);
        foreach (var s in _stateNames) h.Add(s);
        return h.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Mdp{(Name is null ? "" : $" '{Name}'")}: {StateCount} states, {StateActionCount} state-action pairs, " +
        $"{(IsDeterministic ? "deterministic" : "stochastic")}";

    internal static string DescribeNames(IReadOnlyList<string> names)
    {
        const int max = 12;
        var shown = names.Take(max).Select(n => $"'{n}'");
        return "[" + string.Join(", ", shown) + (names.Count > max ? $", … ({names.Count} in all)" : "") + "]";
    }
}

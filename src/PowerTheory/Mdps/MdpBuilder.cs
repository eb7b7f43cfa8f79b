using System.Globalization;

namespace PowerTheory.Mdps;

/// <summary>
/// The named-state front door to an <see cref="Mdp"/>: declare states (their order fixes the indices), then add named
/// actions with a deterministic successor or a list of (successor, probability) outcomes, then <see cref="Build"/>.
/// All validation happens in <see cref="Build"/>, which throws <see cref="MdpValidationException"/> naming the
/// offending state, action and field. Nothing is silently repaired.
/// </summary>
/// <example>
/// <code>
/// var mdp = new MdpBuilder("gamble-or-safe")
///     .AddStates("s0", "t1", "t2", "t3")
///     .AddAction("s0", "gamble", ("t1", 0.5), ("t2", 0.5))
///     .AddAction("s0", "safe", "t3")
///     .AddAction("t1", "stay", "t1").AddAction("t2", "stay", "t2").AddAction("t3", "stay", "t3")
///     .Build();
/// </code>
/// </example>
public sealed class MdpBuilder
{
    private readonly List<string> _states = new();
    private readonly Dictionary<string, int> _firstIndex = new(StringComparer.Ordinal);
    private readonly List<string> _duplicateStates = new();
    private readonly Dictionary<string, List<(string Action, (string Successor, double Probability)[] Outcomes)>> _actions =
        new(StringComparer.Ordinal);
    private readonly List<(string State, string Action)> _actionsOfUnknownStates = new();
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);

    /// <summary>Starts an empty builder.</summary>
    /// <param name="name">An optional model name.</param>
    public MdpBuilder(string? name = null) => Name = name;

    /// <summary>The model name.</summary>
    public string? Name { get; set; }

    /// <summary>Declares a state; its index is the number of states declared before it.</summary>
    public MdpBuilder AddState(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_firstIndex.ContainsKey(name)) _duplicateStates.Add(name);
        else _firstIndex[name] = _states.Count;
        _states.Add(name);
        return this;
    }

    /// <summary>Declares several states in order.</summary>
    public MdpBuilder AddStates(params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var n in names) AddState(n);
        return this;
    }

    /// <summary>Adds a deterministic action: T(successor | state, action) = 1.</summary>
    public MdpBuilder AddAction(string state, string action, string successor) =>
        AddAction(state, action, (successor, 1.0));

    /// <summary>Adds a stochastic action with the given (successor, probability) outcomes.</summary>
    public MdpBuilder AddAction(string state, string action, params (string Successor, double Probability)[] outcomes)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!_actions.TryGetValue(state, out var list))
        {
            list = new();
            _actions[state] = list;
        }
        list.Add((action, outcomes.ToArray()));
        return this;
    }

    /// <summary>Attaches a free-text label to a state.</summary>
    public MdpBuilder SetLabel(string state, string label)
    {
        _labels[state] = label;
        return this;
    }

    /// <summary>Validates and builds the immutable <see cref="Mdp"/>.</summary>
    /// <exception cref="MdpValidationException">An unknown or duplicate name, a state name with leading or trailing white
    /// space, a state without actions, a duplicate action,
    /// a negative/NaN/infinite probability or a row whose sum differs from 1 by more than 1e-9.</exception>
    public Mdp Build()
    {
        if (_states.Count == 0) throw new MdpValidationException("states", "the MDP has no states; declare at least one.");
        for (int i = 0; i < _states.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(_states[i]))
                throw new MdpValidationException($"states[{i}]", $"states[{i}] has an empty name.");
            if (_states[i].Trim() != _states[i])
                throw new MdpValidationException($"states[{i}]",
                    $"state name '{_states[i]}' has leading or trailing white space; it could not be told apart from '{_states[i].Trim()}' on the command line. Remove the spaces.");
        }
        if (_duplicateStates.Count > 0)
            throw new MdpValidationException("states", $"duplicate state name '{_duplicateStates[0]}'.");
        foreach (var state in _actions.Keys)
        {
            if (!_firstIndex.ContainsKey(state))
                throw new MdpValidationException($"transitions.{state}",
                    $"transitions name an unknown state '{state}' (not in the states list).");
        }

        int n = _states.Count;
        var actionOffsets = new int[n + 1];
        var actionNames = new List<string>();
        var transitionOffsets = new List<int> { 0 };
        var successors = new List<int>();
        var probabilities = new List<double>();
        var row = new SortedDictionary<int, double>();
        for (int s = 0; s < n; s++)
        {
            string state = _states[s];
            actionOffsets[s] = actionNames.Count;
            if (!_actions.TryGetValue(state, out var acts) || acts.Count == 0)
                throw new MdpValidationException($"transitions.{state}", $"state '{state}' has no actions; every state needs at least one.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (action, outcomes) in acts)
            {
                string field = $"transitions.{state}.{action}";
                if (string.IsNullOrWhiteSpace(action))
                    throw new MdpValidationException($"transitions.{state}", $"state '{state}' has an action with an empty name.");
                if (!seen.Add(action))
                    throw new MdpValidationException(field, $"state '{state}' has action '{action}' twice.");
                if (outcomes.Length == 0)
                    throw new MdpValidationException(field, $"state '{state}', action '{action}' has no successors.");
                row.Clear();
                double sum = 0;
                foreach (var (succ, p) in outcomes)
                {
                    if (succ is null || !_firstIndex.TryGetValue(succ, out int t))
                        throw new MdpValidationException($"{field}.{succ}",
                            $"state '{state}', action '{action}' names an unknown successor '{succ}'.");
                    if (!double.IsFinite(p))
                        throw new MdpValidationException($"{field}.{succ}",
                            $"state '{state}', action '{action}': probability of '{succ}' must be finite; got {p.ToString(CultureInfo.InvariantCulture)}.");
                    if (p < 0)
                        throw new MdpValidationException($"{field}.{succ}",
                            $"state '{state}', action '{action}': probability of '{succ}' must be non-negative; got {p.ToString("R", CultureInfo.InvariantCulture)}.");
                    sum += p;
                    if (p == 0) continue;
                    row[t] = row.TryGetValue(t, out var old) ? old + p : p;
                }
                if (Math.Abs(sum - 1.0) > Mdp.RowSumTolerance)
                    throw new MdpValidationException(field,
                        $"state '{state}', action '{action}': probabilities sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, expected 1 (within 1e-9).");
                actionNames.Add(action);
                foreach (var (t, p) in row)
                {
                    successors.Add(t);
                    probabilities.Add(p);
                }
                transitionOffsets.Add(successors.Count);
            }
        }
        actionOffsets[n] = actionNames.Count;

        foreach (var label in _labels.Keys)
        {
            if (!_firstIndex.ContainsKey(label))
                throw new MdpValidationException($"labels.{label}", $"labels name an unknown state '{label}'.");
        }
        return new Mdp(Name, _states.ToArray(), actionNames.ToArray(), actionOffsets, transitionOffsets.ToArray(),
            successors.ToArray(), probabilities.ToArray(), _labels);
    }
}

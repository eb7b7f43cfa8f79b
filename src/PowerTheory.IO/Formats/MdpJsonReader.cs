using System.Text.Json;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Reads the canonical JSON MDP format (<see cref="MdpJson"/>) from a <see cref="JsonTree"/>, the one JSON reader of
/// every JSON-based format here (canonical JSON, gym-P, reward files): comments and trailing commas are allowed, depth is
/// at most 64, a key repeated in any object is refused (rather than letting the last one win), unknown fields are
/// refused, and every error names the field and the line of the offending value.
/// </summary>
internal static class MdpJsonReader
{
    private const string Fields = "name, gamma, states, transitions, rewards, reward, labels";

    public static MdpDocument Parse(string json)
    {
        var root = JsonTree.Parse(json);
        if (root.FirstRepeatedKey() is { } repeated)
            throw new MdpValidationException(repeated.Line, repeated.Key,
                $"duplicated key '{repeated.Key}': every key of a JSON object may appear once (a repeated key is refused rather than letting the last one win).");
        if (root.Kind != JsonValueKind.Object)
            throw new MdpValidationException(root.Line, "$", $"the MDP must be a JSON object; got {root.KindName}.");
        foreach (var (key, value) in root.Members)
            if (key is not ("name" or "gamma" or "states" or "transitions" or "rewards" or "reward" or "labels"))
                throw new MdpValidationException(value.Line, key, $"unknown field '{key}'; expected {Fields}.");

        var builder = new MdpBuilder();
        double? fileGamma = null;
        string? rewardSpec = null;
        if (root.TryGet("name", out var name))
            builder.Name = name.Kind == JsonValueKind.String ? name.Text
                : throw new MdpValidationException(name.Line, "name", "field 'name' must be a string.");
        if (root.TryGet("gamma", out var gamma))
        {
            if (gamma.Kind != JsonValueKind.Number || double.IsNaN(gamma.Number))
                throw new MdpValidationException(gamma.Line, "gamma", "field 'gamma' must be a number in [0, 1].");
            fileGamma = gamma.Number;
        }
        if (root.TryGet("reward", out var spec))
            rewardSpec = spec.Kind == JsonValueKind.String ? spec.Text
                : throw new MdpValidationException(spec.Line, "reward", "field 'reward' must be a distribution spec string such as \"uniform(0,1)\".");

        var stateNames = States(root);
        builder.AddStates(stateNames);
        Transitions(root, builder);
        var fileRewards = Rewards(root, stateNames);
        if (root.TryGet("labels", out var labels))
        {
            if (labels.Kind != JsonValueKind.Object)
                throw new MdpValidationException(labels.Line, "labels", "field 'labels' must be an object {state: text}.");
            foreach (var (s, text) in labels.Members)
            {
                if (text.Kind != JsonValueKind.String)
                    throw new MdpValidationException(text.Line, $"labels.{s}", $"label of state '{s}' must be a string.");
                builder.SetLabel(s, text.Text!);
            }
        }
        return new MdpDocument(builder.Build(), fileGamma, fileRewards, rewardSpec);
    }

    private static List<string> States(JsonTree root)
    {
        if (!root.TryGet("states", out var states))
            throw new MdpValidationException(root.Line, "states", "missing field 'states' (the list of state names).");
        if (states.Kind != JsonValueKind.Array)
            throw new MdpValidationException(states.Line, "states", "field 'states' must be an array of state names.");
        var names = new List<string>(states.Items.Count);
        for (int i = 0; i < states.Items.Count; i++)
        {
            var st = states.Items[i];
            if (st.Kind != JsonValueKind.String)
                throw new MdpValidationException(st.Line, $"states[{i}]", $"states[{i}] must be a string; got {st.KindName}.");
            names.Add(st.Text!);
        }
        return names;
    }

    private static void Transitions(JsonTree root, MdpBuilder builder)
    {
        if (!root.TryGet("transitions", out var transitions))
            throw new MdpValidationException(root.Line, "transitions", "missing field 'transitions'.");
        if (transitions.Kind != JsonValueKind.Object)
            throw new MdpValidationException(transitions.Line, "transitions", "field 'transitions' must be an object {state: {action: successor(s)}}.");
        foreach (var (s, actions) in transitions.Members)
        {
            if (actions.Kind != JsonValueKind.Object)
                throw new MdpValidationException(actions.Line, $"transitions.{s}", $"transitions.{s} must be an object {{action: successor(s)}}.");
            foreach (var (a, v) in actions.Members)
            {
                string field = $"transitions.{s}.{a}";
                if (v.Kind == JsonValueKind.String)
                {
                    builder.AddAction(s, a, v.Text!);
                }
                else if (v.Kind == JsonValueKind.Object)
                {
                    var outcomes = new (string, double)[v.Members.Count];
                    for (int k = 0; k < outcomes.Length; k++)
                    {
                        var (succ, p) = v.Members[k];
                        if (p.Kind != JsonValueKind.Number || double.IsNaN(p.Number))
                            throw new MdpValidationException(p.Line, $"{field}.{succ}",
                                $"state '{s}', action '{a}': probability of '{succ}' must be a number; got {p.KindName}.");
                        outcomes[k] = (succ, p.Number);
                    }
                    builder.AddAction(s, a, outcomes);
                }
                else
                {
                    throw new MdpValidationException(v.Line, field,
                        $"{field} must be a successor name or an object {{successor: probability}}; got {v.KindName}.");
                }
            }
        }
    }

    private static double[]? Rewards(JsonTree root, List<string> stateNames)
    {
        if (!root.TryGet("rewards", out var rewards)) return null;
        if (rewards.Kind != JsonValueKind.Object)
            throw new MdpValidationException(rewards.Line, "rewards", "field 'rewards' must be an object {state: value}.");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < stateNames.Count; k++) index.TryAdd(stateNames[k], k);
        var r = new double[stateNames.Count];
        var given = new bool[stateNames.Count];
        foreach (var (s, x) in rewards.Members)
        {
            if (!index.TryGetValue(s, out int k))
                throw new MdpValidationException(x.Line, $"rewards.{s}", $"rewards name an unknown state '{s}'.");
            if (x.Kind != JsonValueKind.Number || !double.IsFinite(x.Number))
                throw new MdpValidationException(x.Line, $"rewards.{s}", $"reward of state '{s}' must be a finite number.");
            r[k] = x.Number;
            given[k] = true;
        }
        int missing = Array.IndexOf(given, false);
        if (missing >= 0)
            throw new MdpValidationException(rewards.Line, $"rewards.{stateNames[missing]}",
                $"rewards give no value for state '{stateNames[missing]}'; give every state a reward.");
        return r;
    }
}

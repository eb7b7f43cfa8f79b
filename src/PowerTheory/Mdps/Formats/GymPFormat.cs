using System.Globalization;
using System.Text.Json;

namespace PowerTheory.Mdps.Formats;

/// <summary>
/// The gymnasium toy-text transition table <c>P[s][a] = [(prob, next, reward, done), …]</c> saved as JSON: an object
/// <c>{"s": {"a": [[p, next, r, done], …]}}</c> or nested arrays <c>[[[[p, next, r, done], …], …], …]</c>.
/// <list type="bullet">
/// <item>States and actions are named by their keys (arrays: their indices). <c>next</c> is a state key (string) or an
/// integer: when every key is a decimal integer, the key with that number; otherwise the state at that position.</item>
/// <item>Duplicate successors of one action are merged (their probabilities add).</item>
/// <item>Rewards are kept as the reward vector R when they are state-based: every transition into s′ carries the same
/// reward R(s′) (the self-loops of an absorbing state are not counted, as toy-text gives them reward 0 after
/// <c>done</c>). Then the optimal policies of Σγᵗ r(sₜ₊₁) and of our Σγᵗ R(sₜ) agree. Otherwise they are dropped with a
/// note. <c>done</c> flags are not part of the model; the transitions are kept as written.</item>
/// </list>
/// </summary>
public static class GymPFormat
{
    /// <summary>Parses gym-P JSON.</summary>
    /// <exception cref="MdpValidationException">Malformed or invalid input; the message starts with <c>line N:</c>.</exception>
    public static MdpImport Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonTree.Parse(json);
        var states = Entries(root, "P", "an object {state: {action: [[p, next, reward, done], …]}} or an array");
        if (states.Count == 0) throw new MdpValidationException(root.Line, "P", "the table has no states.");
        var names = states.Select(e => e.Key).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < names.Count; s++)
            if (!index.TryAdd(names[s], s)) throw new MdpValidationException(states[s].Value.Line, $"P.{names[s]}", $"state '{names[s]}' appears twice.");
        bool integerKeys = names.All(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        var builder = new MdpBuilder().AddStates(names);
        var transitions = new List<(int From, int To, double Reward, bool Done)>();
        foreach (var (s, node) in states)
        {
            var actions = Entries(node, $"P.{s}", "an object {action: [[p, next, reward, done], …]} or an array");
            if (actions.Count == 0) throw new MdpValidationException(node.Line, $"P.{s}", $"state '{s}' has no actions.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (a, list) in actions)
            {
                string field = $"P.{s}.{a}";
                if (!seen.Add(a)) throw new MdpValidationException(list.Line, field, $"state '{s}' has action '{a}' twice.");
                if (list.Kind != JsonValueKind.Array || list.Items.Count == 0)
                    throw new MdpValidationException(list.Line, field, $"{field} must be a non-empty list of [prob, next, reward, done].");
                var outcomes = new List<(string, double)>();
                foreach (var item in list.Items)
                {
                    if (item.Kind != JsonValueKind.Array || item.Items.Count is < 2 or > 4)
                        throw new MdpValidationException(item.Line, field, $"each outcome of {field} must be [prob, next, reward, done].");
                    var pNode = item.Items[0];
                    if (pNode.Kind != JsonValueKind.Number || !double.IsFinite(pNode.Number))
                        throw new MdpValidationException(pNode.Line, field, $"{field}: the probability must be a number.");
                    double p = pNode.Number;
                    if (p < 0 || p > 1)
                        throw new MdpValidationException(pNode.Line, field, $"{field}: probability {FormatText.Show(p)} is outside [0, 1].");
                    int next = Successor(item.Items[1], names, index, integerKeys, field);
                    double reward = 0;
                    if (item.Items.Count > 2)
                    {
                        var r = item.Items[2];
                        if (r.Kind != JsonValueKind.Number || !double.IsFinite(r.Number))
                            throw new MdpValidationException(r.Line, field, $"{field}: the reward must be a finite number.");
                        reward = r.Number;
                    }
                    bool done = item.Items.Count > 3 && item.Items[3].Kind == JsonValueKind.True;
                    if (item.Items.Count > 3 && item.Items[3].Kind is not (JsonValueKind.True or JsonValueKind.False))
                        throw new MdpValidationException(item.Items[3].Line, field, $"{field}: 'done' must be true or false.");
                    outcomes.Add((names[next], p));
                    if (p > 0) transitions.Add((index[s], next, reward, done));
                }
                FormatText.CheckRowSum(outcomes.Select(o => o.Item2), list.Line, field, $"action '{a}' of state '{s}'");
                builder.AddAction(s, a, outcomes.ToArray());
            }
        }
        var mdp = builder.Build();
        var notes = new List<string>();
        var rewards = InferStateRewards(mdp, transitions, notes);
        int doneNotAbsorbing = transitions.Where(t => t.Done).Select(t => t.To).Distinct().Count(s => !mdp.IsTerminal(s));
        if (doneNotAbsorbing > 0)
            notes.Add($"'done' flags are not part of the model: {doneNotAbsorbing} state(s) reached with done = true keep the (non-absorbing) transitions the file gives them.");
        return new MdpImport(new MdpDocument(mdp, rewards: rewards), notes);
    }

    /// <summary>Reads a gym-P JSON file.</summary>
    public static MdpImport Load(string path) => Parse(StrictUtf8.ReadFile(path));

    /// <summary>Writes a document as gym-P JSON (object form): successors by name, reward R(s′) of the successor (0
    /// without a reward vector), done = false.</summary>
    public static string Write(MdpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mdp = document.Mdp;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            for (int s = 0; s < mdp.StateCount; s++)
            {
                w.WriteStartObject(mdp.StateNames[s]);
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    int sa = mdp.FirstStateAction(s) + a;
                    w.WriteStartArray(mdp.ActionNames(s)[a]);
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    for (int k = 0; k < succ.Length; k++)
                    {
                        w.WriteStartArray();
                        w.WriteNumberValue(prob[k]);
                        w.WriteStringValue(mdp.StateNames[succ[k]]);
                        w.WriteNumberValue(document.Rewards?[succ[k]] ?? 0.0);
                        w.WriteBooleanValue(false);
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<(string Key, JsonTree Value)> Entries(JsonTree node, string field, string expected) => node.Kind switch
    {
        JsonValueKind.Object => node.Members,
        JsonValueKind.Array => node.Items.Select((v, i) => (i.ToString(CultureInfo.InvariantCulture), v)).ToList(),
        _ => throw new MdpValidationException(node.Line, field, $"{field} must be {expected}; got {node.Kind}."),
    };

    private static int Successor(JsonTree next, List<string> names, Dictionary<string, int> index, bool integerKeys, string field)
    {
        if (next.Kind == JsonValueKind.String)
        {
            return index.TryGetValue(next.Text!, out int s) ? s
                : throw new MdpValidationException(next.Line, field, $"{field}: next state '{next.Text}' is not a state of the table.");
        }
        if (next.Kind == JsonValueKind.Number
            && int.TryParse(next.NumberText, NumberStyles.None, CultureInfo.InvariantCulture, out int k))
        {
            if (integerKeys)
            {
                return index.TryGetValue(k.ToString(CultureInfo.InvariantCulture), out int s) ? s
                    : throw new MdpValidationException(next.Line, field, $"{field}: next state {k} is not a state of the table.");
            }
            return k < names.Count ? k
                : throw new MdpValidationException(next.Line, field, $"{field}: next state {k} is beyond the {names.Count} states.");
        }
        throw new MdpValidationException(next.Line, field, $"{field}: next state must be a state key or a non-negative integer.");
    }

    private static double[]? InferStateRewards(Mdp mdp, List<(int From, int To, double Reward, bool Done)> transitions, List<string> notes)
    {
        if (transitions.All(t => t.Reward == 0)) return null;
        var reward = new double?[mdp.StateCount];
        foreach (var (from, to, r, _) in transitions)
        {
            if (from == to && mdp.IsTerminal(to)) continue;
            if (reward[to] is { } old && old != r)
            {
                notes.Add($"rewards were dropped: they are not state-based (entering '{mdp.StateNames[to]}' gives both {FormatText.Show(old)} and {FormatText.Show(r)}); the model's reward is R(s).");
                return null;
            }
            reward[to] = r;
        }
        int never = reward.Count(r => r is null);
        notes.Add("rewards are state-based (every transition into s′ gives the same reward) and were kept as R(s′)"
            + (never > 0 ? $"; {never} state(s) never entered from another state get R = 0." : "."));
        return reward.Select(r => r ?? 0).ToArray();
    }
}

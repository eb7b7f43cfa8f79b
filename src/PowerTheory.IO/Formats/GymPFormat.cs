using System.Globalization;
using System.Text.Json;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// The gymnasium toy-text transition table <c>P[s][a] = [(prob, next, reward, done), …]</c> saved as JSON: an object
/// <c>{"s": {"a": [[p, next, r, done], …]}}</c> or nested arrays <c>[[[[p, next, r, done], …], …], …]</c>.
/// <list type="bullet">
/// <item>States and actions are named by their keys (arrays: their indices). <c>next</c> is a state key (string) or an
/// integer: when every key is a decimal integer, the key with that number; otherwise the state at that position.</item>
/// <item>Duplicate successors of one action are merged (their probabilities add).</item>
/// <item>Gym's return from s is G = Σₜ γᵗ rₜ₊₁, the reward r of a transition being received on arrival, and nothing
/// after a transition with <c>done</c>. It is converted exactly into the state-reward model (docs/formats.md, "gym-P"):
/// a transition with reward r into s′ (not done) arrives at a state that carries R = r and acts like s′ — s′ itself
/// when every such transition into s′ (self-loops included) has the same reward, otherwise a copy
/// <c>s′@r=r</c> per non-zero reward, with s′ itself carrying R = 0; a transition with <c>done</c> and r ≠ 0 arrives at
/// <c>s′@done</c> (or <c>s′@done(r=r)</c> when s′ is ended into with several such rewards), which carries R = r and whose
/// one action <c>end</c> leads to the zero-reward absorbing <c>@terminal</c>; one with <c>done</c> and r = 0 arrives at
/// <c>@terminal</c> itself. Then V(s) = R(s) + γ·V_gym(s) at every state
/// of the table, and the optimal actions are gym's, for every γ. A note lists the states added.</item>
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
        // Per state, per action: the outcomes (probability, next state, reward, done) as written.
        var table = new List<List<(string Action, List<GymOutcome> Outcomes)>>();
        foreach (var (s, node) in states)
        {
            var actions = Entries(node, $"P.{s}", "an object {action: [[p, next, reward, done], …]} or an array");
            if (actions.Count == 0) throw new MdpValidationException(node.Line, $"P.{s}", $"state '{s}' has no actions.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var row = new List<(string, List<GymOutcome>)>();
            foreach (var (a, list) in actions)
            {
                string field = $"P.{s}.{a}";
                if (!seen.Add(a)) throw new MdpValidationException(list.Line, field, $"state '{s}' has action '{a}' twice.");
                if (list.Kind != JsonValueKind.Array || list.Items.Count == 0)
                    throw new MdpValidationException(list.Line, field, $"{field} must be a non-empty list of [prob, next, reward, done].");
                var outcomes = new List<GymOutcome>();
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
                        reward = r.Number + 0.0; // −0 reads as 0
                    }
                    if (item.Items.Count > 3 && item.Items[3].Kind is not (JsonValueKind.True or JsonValueKind.False))
                        throw new MdpValidationException(item.Items[3].Line, field, $"{field}: 'done' must be true or false.");
                    bool done = item.Items.Count > 3 && item.Items[3].Kind == JsonValueKind.True;
                    outcomes.Add(new GymOutcome(p, next, reward, done));
                }
                FormatText.CheckRowSum(outcomes.Select(o => o.Probability), list.Line, field, $"action '{a}' of state '{s}'");
                row.Add((a, outcomes));
            }
            table.Add(row);
        }
        return GymPConversion.ToStateRewards(names, table);
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

    /// <summary>What <see cref="Write"/> cannot carry, one note each: gym gives a reward only on arrival, so R(s) of a
    /// state that no transition enters is lost (a start state's own reward), and gym tables have no state labels.</summary>
    public static IReadOnlyList<string> ExportNotes(MdpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mdp = document.Mdp;
        var notes = new List<string>();
        if (document.Rewards is { } rewards)
        {
            var entered = new bool[mdp.StateCount];
            for (int sa = 0; sa < mdp.StateActionCount; sa++)
                foreach (int t in mdp.Successors(sa)) entered[t] = true;
            var lost = Enumerable.Range(0, mdp.StateCount).Where(s => !entered[s] && rewards[s] != 0).ToList();
            if (lost.Count > 0)
                notes.Add($"gym-P gives a reward only on entering a state: R of {lost.Count} state(s) that no transition enters "
                          + $"({string.Join(", ", lost.Take(5).Select(s => $"'{mdp.StateNames[s]}' = {FormatText.Show(rewards[s])}"))}{(lost.Count > 5 ? ", …" : "")}) "
                          + "was not written; reading the file back gives them R = 0.");
        }
        if (mdp.Labels.Count > 0)
            notes.Add($"gym-P has no place for state labels; {mdp.Labels.Count} label(s) were not written.");
        return notes;
    }

    private static IReadOnlyList<(string Key, JsonTree Value)> Entries(JsonTree node, string field, string expected) => node.Kind switch
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
}

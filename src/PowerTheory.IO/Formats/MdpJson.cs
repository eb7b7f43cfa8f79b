using System.Globalization;
using System.Text;
using System.Text.Json;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Reads and writes the canonical JSON MDP format:
/// <c>{"name":…, "gamma":…, "states":[…], "transitions":{s:{a: "succ" | {succ: p, …}}}, "rewards":{s: v}, "reward":"spec", "labels":{s:"…"}}</c>.
/// <c>states</c> fixes the state order. A deterministic action is written as its successor's name. Reading gives an
/// <see cref="MdpDocument"/>: the model and the file's γ, reward vector and reward spec beside it. Load → save → load
/// gives an equal document.
/// </summary>
public static class MdpJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false, // {"states":[…],"states":[…]} is refused, at any depth, not "last one wins"
    };

    /// <summary>Reads an MDP file: the model and its stored settings.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MdpValidationException">The JSON is malformed or describes an invalid MDP.</exception>
    public static MdpDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"MDP file '{path}' does not exist.", path);
        return Parse(StrictUtf8.ReadFile(path));
    }

    /// <summary>Parses an MDP document from JSON text.</summary>
    /// <exception cref="MdpValidationException">The JSON is malformed or describes an invalid MDP.</exception>
    public static MdpDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e) when (e.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            var key = e.Message.Split('\'') is { Length: >= 3 } parts ? parts[1] : "?";
            throw new MdpValidationException(key,
                $"duplicated key '{key}': every key of a JSON object may appear once (a repeated key is refused rather than letting the last one win).", e);
        }
        catch (JsonException e)
        {
            throw new MdpValidationException("$",
                $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new MdpValidationException("$", $"the MDP must be a JSON object; got {root.ValueKind}.");
            var builder = new MdpBuilder();
            double? fileGamma = null;
            string? rewardSpec = null;
            double[]? fileRewards = null;
            foreach (var prop in root.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "name" or "gamma" or "states" or "transitions" or "rewards" or "reward" or "labels":
                        break;
                    default:
                        throw new MdpValidationException(prop.Name,
                            $"unknown field '{prop.Name}'; expected name, gamma, states, transitions, rewards, reward, labels.");
                }
            }
            if (root.TryGetProperty("name", out var name))
                builder.Name = name.ValueKind == JsonValueKind.String ? name.GetString()
                    : throw new MdpValidationException("name", "field 'name' must be a string.");
            if (root.TryGetProperty("gamma", out var gamma))
            {
                if (gamma.ValueKind != JsonValueKind.Number || !gamma.TryGetDouble(out var g))
                    throw new MdpValidationException("gamma", "field 'gamma' must be a number in [0, 1].");
                fileGamma = g;
            }
            if (root.TryGetProperty("reward", out var spec))
                rewardSpec = spec.ValueKind == JsonValueKind.String ? spec.GetString()
                    : throw new MdpValidationException("reward", "field 'reward' must be a distribution spec string such as \"uniform(0,1)\".");

            if (!root.TryGetProperty("states", out var states))
                throw new MdpValidationException("states", "missing field 'states' (the list of state names).");
            if (states.ValueKind != JsonValueKind.Array)
                throw new MdpValidationException("states", "field 'states' must be an array of state names.");
            var stateNames = new List<string>();
            int i = 0;
            foreach (var st in states.EnumerateArray())
            {
                if (st.ValueKind != JsonValueKind.String)
                    throw new MdpValidationException($"states[{i}]", $"states[{i}] must be a string; got {st.ValueKind}.");
                stateNames.Add(st.GetString()!);
                i++;
            }
            builder.AddStates(stateNames);

            if (!root.TryGetProperty("transitions", out var transitions))
                throw new MdpValidationException("transitions", "missing field 'transitions'.");
            if (transitions.ValueKind != JsonValueKind.Object)
                throw new MdpValidationException("transitions", "field 'transitions' must be an object {state: {action: successor(s)}}.");
            var seenStates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stateProp in transitions.EnumerateObject())
            {
                string s = stateProp.Name;
                if (!seenStates.Add(s))
                    throw new MdpValidationException($"transitions.{s}", $"transitions list state '{s}' twice.");
                if (stateProp.Value.ValueKind != JsonValueKind.Object)
                    throw new MdpValidationException($"transitions.{s}", $"transitions.{s} must be an object {{action: successor(s)}}.");
                var seenActions = new HashSet<string>(StringComparer.Ordinal);
                foreach (var actionProp in stateProp.Value.EnumerateObject())
                {
                    string a = actionProp.Name;
                    string field = $"transitions.{s}.{a}";
                    if (!seenActions.Add(a))
                        throw new MdpValidationException(field, $"state '{s}' lists action '{a}' twice.");
                    var v = actionProp.Value;
                    if (v.ValueKind == JsonValueKind.String)
                    {
                        builder.AddAction(s, a, v.GetString()!);
                    }
                    else if (v.ValueKind == JsonValueKind.Object)
                    {
                        var outcomes = new List<(string, double)>();
                        var seenSucc = new HashSet<string>(StringComparer.Ordinal);
                        foreach (var o in v.EnumerateObject())
                        {
                            if (!seenSucc.Add(o.Name))
                                throw new MdpValidationException($"{field}.{o.Name}", $"state '{s}', action '{a}' lists successor '{o.Name}' twice.");
                            if (o.Value.ValueKind != JsonValueKind.Number || !o.Value.TryGetDouble(out var p))
                                throw new MdpValidationException($"{field}.{o.Name}",
                                    $"state '{s}', action '{a}': probability of '{o.Name}' must be a number; got {o.Value.ValueKind}.");
                            outcomes.Add((o.Name, p));
                        }
                        builder.AddAction(s, a, outcomes.ToArray());
                    }
                    else
                    {
                        throw new MdpValidationException(field,
                            $"{field} must be a successor name or an object {{successor: probability}}; got {v.ValueKind}.");
                    }
                }
            }

            if (root.TryGetProperty("rewards", out var rewards))
            {
                if (rewards.ValueKind != JsonValueKind.Object)
                    throw new MdpValidationException("rewards", "field 'rewards' must be an object {state: value}.");
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int k = 0; k < stateNames.Count; k++) index.TryAdd(stateNames[k], k);
                var r = new double[stateNames.Count];
                var given = new bool[stateNames.Count];
                foreach (var rp in rewards.EnumerateObject())
                {
                    if (!index.TryGetValue(rp.Name, out int k))
                        throw new MdpValidationException($"rewards.{rp.Name}", $"rewards name an unknown state '{rp.Name}'.");
                    if (rp.Value.ValueKind != JsonValueKind.Number || !rp.Value.TryGetDouble(out var x) || !double.IsFinite(x))
                        throw new MdpValidationException($"rewards.{rp.Name}", $"reward of state '{rp.Name}' must be a finite number.");
                    r[k] = x;
                    given[k] = true;
                }
                int missing = Array.IndexOf(given, false);
                if (missing >= 0)
                    throw new MdpValidationException($"rewards.{stateNames[missing]}",
                        $"rewards give no value for state '{stateNames[missing]}'; give every state a reward.");
                fileRewards = r;
            }
            if (root.TryGetProperty("labels", out var labels))
            {
                if (labels.ValueKind != JsonValueKind.Object)
                    throw new MdpValidationException("labels", "field 'labels' must be an object {state: text}.");
                foreach (var lp in labels.EnumerateObject())
                {
                    if (lp.Value.ValueKind != JsonValueKind.String)
                        throw new MdpValidationException($"labels.{lp.Name}", $"label of state '{lp.Name}' must be a string.");
                    builder.SetLabel(lp.Name, lp.Value.GetString()!);
                }
            }
            return new MdpDocument(builder.Build(), fileGamma, fileRewards, rewardSpec);
        }
    }

    /// <summary>Serialises a model without stored settings to canonical JSON.</summary>
    public static string ToJson(Mdp mdp, bool indented = true) => ToJson(new MdpDocument(mdp), indented);

    /// <summary>Serialises a document (the model and its settings) to canonical JSON.</summary>
    public static string ToJson(MdpDocument document, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mdp = document.Mdp;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            if (mdp.Name is not null) w.WriteString("name", mdp.Name);
            if (document.Gamma is { } g) w.WriteNumber("gamma", g);
            w.WriteStartArray("states");
            foreach (var s in mdp.StateNames) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartObject("transitions");
            for (int s = 0; s < mdp.StateCount; s++)
            {
                w.WriteStartObject(mdp.StateNames[s]);
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    int sa = mdp.FirstStateAction(s) + a;
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    string an = mdp.ActionNames(s)[a];
                    if (succ.Length == 1 && prob[0] == 1.0)
                    {
                        w.WriteString(an, mdp.StateNames[succ[0]]);
                    }
                    else
                    {
                        w.WriteStartObject(an);
                        for (int k = 0; k < succ.Length; k++) w.WriteNumber(mdp.StateNames[succ[k]], prob[k]);
                        w.WriteEndObject();
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (document.Rewards is { } rewards)
            {
                w.WriteStartObject("rewards");
                for (int s = 0; s < mdp.StateCount; s++) w.WriteNumber(mdp.StateNames[s], rewards[s]);
                w.WriteEndObject();
            }
            if (document.RewardSpec is not null) w.WriteString("reward", document.RewardSpec);
            if (mdp.Labels.Count > 0)
            {
                w.WriteStartObject("labels");
                foreach (var s in mdp.StateNames)
                    if (mdp.Labels.TryGetValue(s, out var l)) w.WriteString(s, l);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a model without stored settings to a JSON file.</summary>
    public static void Save(Mdp mdp, string path) => Save(new MdpDocument(mdp), path);

    /// <summary>Writes a document to a JSON file.</summary>
    public static void Save(MdpDocument document, string path) => File.WriteAllText(path, ToJson(document) + "\n");

    private static string FirstSentence(string message)
    {
        int k = message.IndexOf(". ", StringComparison.Ordinal);
        return (k > 0 ? message[..(k + 1)] : message).Replace('\n', ' ');
    }
}

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
        return MdpJsonReader.Parse(json);
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
}

using System.Text;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// POWERplay's Graphviz MDP files (<c>.gv</c>), in its two forms (github.com/gladstoneai/POWERplay, <c>mdps/</c>):
/// <list type="bullet">
/// <item><b>Deterministic:</b> every node is a state and every edge <c>"x" -> "y"</c> is a move from x to y; the action is
/// named after its target (<c>y</c>).</item>
/// <item><b>Stochastic:</b> state nodes <c>"[s]"</c>, action nodes <c>"[a]__[s]"</c> with an edge from their state, and
/// outcome nodes <c>"[s']__[a]__[s]"</c> with an edge from their action node carrying the probability as
/// <c>weight</c>. The brackets are optional (<c>"a__s"</c>, <c>"s'__a__s"</c>).</item>
/// </list>
/// State names are kept as written inside the brackets (e.g. <c>(0, 1)</c> or <c>★</c>); states are ordered by first
/// appearance. Files carry no rewards.
/// </summary>
public static class PowerplayGvFormat
{
    /// <summary>Parses a POWERplay <c>.gv</c> file's text.</summary>
    /// <exception cref="MdpValidationException">Malformed or invalid input; the message starts with <c>line N:</c>.</exception>
    public static MdpImport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = DotReader.Parse(text);
        var order = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var st in statements)
        {
            foreach (var id in st.To is null ? [st.From] : new[] { st.From, st.To })
            {
                if (firstLine.TryAdd(id, st.Line)) order.Add(id);
            }
        }
        if (order.Count == 0) throw new MdpValidationException(FormatText.LastLine(text), "gv", "the graph has no nodes.");
        bool stochastic = order.Any(id => id.Contains("__", StringComparison.Ordinal));
        var builder = new MdpBuilder();
        if (stochastic) BuildStochastic(statements, order, firstLine, builder);
        else BuildDeterministic(statements, order, firstLine, builder);
        return new MdpImport(new MdpDocument(builder.Build()), []);
    }

    /// <summary>Reads a <c>.gv</c> file.</summary>
    public static MdpImport Load(string path) => Parse(StrictUtf8.ReadFile(path));

    /// <summary>Writes the stochastic bracketed form (which keeps action names), in POWERplay's node order: each state,
    /// then its action nodes each followed by their outcome nodes; then the edges.</summary>
    public static string Write(Mdp mdp)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var nodes = new StringBuilder("strict digraph  {\n");
        var edges = new StringBuilder();
        for (int s = 0; s < mdp.StateCount; s++)
        {
            CheckWritable($"state '{mdp.StateNames[s]}'", mdp.StateNames[s]);
            foreach (var a in mdp.ActionNames(s)) CheckWritable($"action '{a}' of state '{mdp.StateNames[s]}'", a);
        }
        for (int s = 0; s < mdp.StateCount; s++)
        {
            string state = $"[{mdp.StateNames[s]}]";
            nodes.Append(Quote(state)).Append(";\n");
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                string action = $"[{mdp.ActionNames(s)[a]}]__{state}";
                nodes.Append(Quote(action)).Append(";\n");
                edges.Append(Quote(state)).Append(" -> ").Append(Quote(action)).Append(";\n");
                int sa = mdp.FirstStateAction(s) + a;
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                for (int k = 0; k < succ.Length; k++)
                {
                    string outcome = $"[{mdp.StateNames[succ[k]]}]__{action}";
                    nodes.Append(Quote(outcome)).Append(";\n");
                    edges.Append(Quote(action)).Append(" -> ").Append(Quote(outcome))
                        .Append("  [weight=\"").Append(FormatText.Show(prob[k])).Append("\"];\n");
                }
            }
        }
        return nodes.Append(edges).Append("}\n").ToString();
    }

    /// <summary>Refuses a name that the node ids <c>[a]__[s]</c> cannot carry unambiguously.</summary>
    private static void CheckWritable(string what, string name)
    {
        if (name.Contains("__", StringComparison.Ordinal) || name.Contains('[') || name.Contains(']'))
            throw new MdpValidationException("gv", $"POWERplay's .gv cannot carry the name of {what}: '__' and brackets separate the parts of a node id. Rename it, or write canonical JSON.");
    }

    private static void BuildDeterministic(List<DotReader.Statement> statements, List<string> order,
        Dictionary<string, int> firstLine, MdpBuilder builder)
    {
        builder.AddStates(order);
        var seen = new HashSet<(string, string)>();
        var hasMove = new HashSet<string>(StringComparer.Ordinal);
        foreach (var st in statements)
        {
            if (st.To is null) continue;
            if (!seen.Add((st.From, st.To)))
                throw new MdpValidationException(st.Line, "gv", $"the move \"{st.From}\" -> \"{st.To}\" appears twice.");
            builder.AddAction(st.From, st.To, st.To);
            hasMove.Add(st.From);
        }
        foreach (var id in order)
            if (!hasMove.Contains(id))
                throw new MdpValidationException(firstLine[id], "gv", $"state \"{id}\" has no outgoing edge; every state needs at least one move (a self-loop edge for a terminal state).");
    }

    private static void BuildStochastic(List<DotReader.Statement> statements, List<string> order,
        Dictionary<string, int> firstLine, MdpBuilder builder)
    {
        var kinds = order.ToDictionary(id => id, id => Segments(id, firstLine[id]), StringComparer.Ordinal);
        var states = order.Where(id => kinds[id].Length == 1).ToList();
        var stateNames = new HashSet<string>(states.Select(id => kinds[id][0]), StringComparer.Ordinal);
        builder.AddStates(states.Select(id => kinds[id][0]));
        // Action nodes in order of appearance; their outcomes from the weighted edges.
        var outcomes = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        var actionOrder = order.Where(id => kinds[id].Length == 2).ToList();
        foreach (var id in actionOrder)
        {
            if (!stateNames.Contains(kinds[id][1]))
                throw new MdpValidationException(firstLine[id], "gv", $"action node \"{id}\" belongs to state '{kinds[id][1]}', which has no state node.");
            outcomes[id] = new List<(string, double)>();
        }
        foreach (var id in order.Where(id => kinds[id].Length > 3))
            throw new MdpValidationException(firstLine[id], "gv", $"node \"{id}\" has {kinds[id].Length} parts; expected a state [s], an action [a]__[s] or an outcome [s']__[a]__[s].");
        foreach (var st in statements)
        {
            if (st.To is null) continue;
            var from = kinds[st.From];
            var to = kinds[st.To];
            if (from.Length == 1 && to.Length == 2)
            {
                if (to[1] != from[0])
                    throw new MdpValidationException(st.Line, "gv", $"edge from state '{from[0]}' to action node \"{st.To}\", which belongs to state '{to[1]}'.");
            }
            else if (from.Length == 2 && to.Length == 3)
            {
                if (to[1] != from[0] || to[2] != from[1])
                    throw new MdpValidationException(st.Line, "gv", $"outcome node \"{st.To}\" does not belong to action node \"{st.From}\" (expected [s']__[{from[0]}]__[{from[1]}]).");
                if (!st.Attributes.TryGetValue("weight", out var weight))
                    throw new MdpValidationException(st.Line, "weight", $"the edge to outcome node \"{st.To}\" has no weight (its probability).");
                double p = FormatText.Probability(weight, st.Line, "weight");
                if (!stateNames.Contains(to[0]))
                    throw new MdpValidationException(st.Line, "gv", $"outcome node \"{st.To}\" leads to '{to[0]}', which has no state node.");
                if (outcomes[st.From].Any(o => o.Item1 == to[0]))
                    throw new MdpValidationException(st.Line, "gv", $"the edge \"{st.From}\" -> \"{st.To}\" appears twice; give each outcome once.");
                outcomes[st.From].Add((to[0], p));
            }
            else
            {
                throw new MdpValidationException(st.Line, "gv", $"edge \"{st.From}\" -> \"{st.To}\" is neither state → action node nor action node → outcome node.");
            }
        }
        var withActions = new HashSet<string>(actionOrder.Select(id => kinds[id][1]), StringComparer.Ordinal);
        foreach (var id in states)
            if (!withActions.Contains(kinds[id][0]))
                throw new MdpValidationException(firstLine[id], "gv", $"state \"{id}\" has no action node [a]__{id}; every state needs at least one action.");
        foreach (var id in actionOrder)
        {
            var (action, state) = (kinds[id][0], kinds[id][1]);
            if (outcomes[id].Count == 0)
                throw new MdpValidationException(firstLine[id], "gv", $"action node \"{id}\" has no weighted edge to an outcome node.");
            FormatText.CheckRowSum(outcomes[id].Select(o => o.Item2), firstLine[id], "weight", $"action '{action}' of state '{state}'");
            builder.AddAction(state, action, outcomes[id].ToArray());
        }
    }

    /// <summary>Splits a node id into its <c>__</c>-separated parts, removing one pair of surrounding brackets from
    /// each when the id uses the bracketed form.</summary>
    private static string[] Segments(string id, int line)
    {
        if (!id.StartsWith('[')) return id.Split("__");
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int k = 0; k < id.Length; k++)
        {
            if (id[k] == '[') depth++;
            else if (id[k] == ']') depth--;
            if (depth < 0) break;
            if (depth == 0 && id[k] == ']')
            {
                parts.Add(id[(start + 1)..k]);
                if (k + 1 == id.Length) return parts.ToArray();
                if (!id.AsSpan(k + 1).StartsWith("__[")) break;
                start = k + 3;
                k += 2;
            }
        }
        throw new MdpValidationException(line, "gv", $"node \"{id}\" is not of the form [s], [a]__[s] or [s']__[a]__[s].");
    }

    private static string Quote(string id) => "\"" + id.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

using System.Globalization;
using System.Text;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Storm's explicit DRN format for MDPs (and DTMCs, read as one-action MDPs):
/// <code>
/// @type: MDP
/// @reward_models
/// reward
/// @nr_states
/// 2
/// @nr_choices
/// 3
/// @model
/// state 0 [0.5] init
///     action stay
///         0 : 1
///     action go
///         0 : 0.25
///         1 : 0.75
/// state 1 [1] goal
///     action back
///         0 : 1
/// </code>
/// States are named by their ids (<c>"0"</c>, <c>"1"</c>, …); the labels after a state's rewards become its display label;
/// the first reward model becomes the document's state reward vector. Action rewards cannot be represented by the
/// state-based reward R(s) and are dropped with a note. Comments start with <c>//</c>. Probabilities may be decimals or
/// fractions <c>a/b</c>.
/// </summary>
public static class DrnFormat
{
    /// <summary>Parses DRN text.</summary>
    /// <exception cref="MdpValidationException">Malformed or invalid input; the message starts with <c>line N:</c>.</exception>
    public static MdpImport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var notes = new List<string>();
        string? type = null;
        int? nrStates = null;
        (int Count, int Line)? nrChoices = null;
        int rewardModels = 0;
        string? section = null;
        int sectionLine = 0;
        var states = new List<DrnState>();
        DrnState? state = null;
        DrnAction? action = null;
        bool droppedActionRewards = false;
        foreach (var (line, content) in FormatText.Lines(text, "//"))
        {
            if (content.StartsWith('@'))
            {
                if (section == "@model")
                    throw new MdpValidationException(line, "model", $"unexpected header '{content}' after @model.");
                int colon = content.IndexOf(':', StringComparison.Ordinal);
                section = (colon > 0 ? content[..colon] : content).Trim();
                sectionLine = line;
                if (section == "@type")
                {
                    type = colon > 0 ? content[(colon + 1)..].Trim() : "";
                    if (type is not ("MDP" or "DTMC"))
                        throw new MdpValidationException(line, "@type", $"@type must be MDP or DTMC; got '{type}'.");
                }
                else if (section == "@model" && type is null)
                {
                    throw new MdpValidationException(line, "@type", "missing '@type: MDP' before @model.");
                }
                continue;
            }
            switch (section)
            {
                case "@nr_states":
                    if (nrStates is not null) throw new MdpValidationException(line, "@nr_states", "@nr_states is given twice.");
                    nrStates = FormatText.Index(content, line, "@nr_states");
                    continue;
                case "@nr_choices":
                    if (nrChoices is not null) throw new MdpValidationException(line, "@nr_choices", "@nr_choices is given twice.");
                    nrChoices = (FormatText.Index(content, line, "@nr_choices"), line);
                    continue;
                case "@reward_models":
                    rewardModels = FormatText.Tokens(content).Length;
                    continue;
                case "@model":
                    break;
                case null:
                    throw new MdpValidationException(line, "@type", $"expected '@type: MDP' before '{content}'.");
                default:
                    continue; // @parameters, @placeholders, @value_type: not needed to build the model
            }
            var tokens = FormatText.Tokens(content);
            if (tokens[0] == "state")
            {
                if (state is not null)
                {
                    CloseAction(action, state);
                    if (state.Actions.Count == 0)
                        throw new MdpValidationException(state.Line, "state", $"state {state.Id} has no action; every state needs at least one.");
                }
                state = ParseState(tokens, line, states.Count, nrStates);
                states.Add(state);
                action = null;
            }
            else if (tokens[0] == "action")
            {
                if (state is null) throw new MdpValidationException(line, "action", "'action' before any 'state' line.");
                CloseAction(action, state);
                if (tokens.Length < 2) throw new MdpValidationException(line, "action", "an action line needs a name: 'action NAME [rewards]'.");
                action = new DrnAction(tokens[1], line);
                if (tokens.Length > 2)
                {
                    var rewards = Bracketed(string.Join(' ', tokens[2..]), line, $"rewards of action '{tokens[1]}'");
                    droppedActionRewards |= rewards.Any(r => r != 0);
                }
                state.Actions.Add(action);
            }
            else
            {
                if (state is null) throw new MdpValidationException(line, "model", $"expected 'state ID' after @model; got '{content}'.");
                if (action is null)
                {
                    if (type != "DTMC")
                        throw new MdpValidationException(line, "model", $"a transition of state {state.Id} before any 'action' line.");
                    action = new DrnAction("step", line);
                    state.Actions.Add(action);
                }
                int colon = content.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) throw new MdpValidationException(line, "transition", $"expected 'SUCCESSOR : PROBABILITY'; got '{content}'.");
                int successor = FormatText.Index(content[..colon].Trim(), line, "successor");
                if (nrStates is { } n && successor >= n)
                    throw new MdpValidationException(line, "successor", $"successor {successor} is not a state (the file declares {n} states, 0..{n - 1}).");
                double p = FormatText.Probability(content[(colon + 1)..].Trim(), line, "probability");
                if (action.Outcomes.FindIndex(o => o.Successor == successor) >= 0)
                    throw new MdpValidationException(line, "successor", $"action '{action.Name}' of state {state.Id} lists successor {successor} twice; give each successor once.");
                action.Outcomes.Add((successor, p));
            }
        }
        int last = FormatText.LastLine(text);
        if (type is null) throw new MdpValidationException(1, "@type", "not a DRN file: no '@type: MDP' header.");
        if (section != "@model" && states.Count == 0)
            throw new MdpValidationException(last, "@model", "unexpected end of file: no '@model' section.");
        if (state is null) throw new MdpValidationException(last, "@model", "unexpected end of file: @model lists no state.");
        CloseAction(action, state, last);
        if (state.Actions.Count == 0)
            throw new MdpValidationException(last, "model", $"unexpected end of file: state {state.Id} has no action.");
        if (nrStates is { } declared && declared != states.Count)
            throw new MdpValidationException(last, "@nr_states",
                $"unexpected end of file: @nr_states declares {declared} states but {states.Count} were given.");
        int choices = states.Sum(st => st.Actions.Count);
        if (nrChoices is { } nc && nc.Count != choices)
            throw new MdpValidationException(nc.Line, "@nr_choices", $"@nr_choices declares {nc.Count} choices but the model lists {choices}.");
        if (rewardModels > 1) notes.Add($"the file has {rewardModels} reward models; the first one is kept as the state rewards.");
        if (droppedActionRewards) notes.Add("action rewards were dropped: the model's reward is state-based (R(s)), not per action.");
        return new MdpImport(Build(states), notes);
    }

    /// <summary>Reads a DRN file.</summary>
    public static MdpImport Load(string path) => Parse(StrictUtf8.ReadFile(path));

    /// <summary>Writes a document as DRN: states are numbered in index order (their names go in a comment), the reward
    /// vector (if any) is the reward model <c>reward</c>, and labels made of identifier words are kept.</summary>
    public static string Write(MdpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mdp = document.Mdp;
        var sb = new StringBuilder();
        sb.Append("// Written by PowerTheory").Append(mdp.Name is null ? "" : $" from '{mdp.Name}'").Append('\n');
        sb.Append("@type: MDP\n@parameters\n\n@reward_models\n").Append(document.Rewards is null ? "" : "reward").Append('\n');
        sb.Append("@nr_states\n").Append(Invariant(mdp.StateCount)).Append('\n');
        sb.Append("@nr_choices\n").Append(Invariant(mdp.StateActionCount)).Append('\n');
        sb.Append("@model\n");
        for (int s = 0; s < mdp.StateCount; s++)
        {
            sb.Append("state ").Append(Invariant(s));
            if (document.Rewards is { } r) sb.Append(" [").Append(FormatText.Show(r[s])).Append(']');
            if (mdp.Labels.TryGetValue(mdp.StateNames[s], out var label) && FormatText.IsIdentifierList(label)) sb.Append(' ').Append(label);
            sb.Append(" // ").Append(mdp.StateNames[s].Replace('\n', ' ')).Append('\n');
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                var name = mdp.ActionNames(s)[a];
                FormatText.CheckWritableName("DRN", $"action '{name}' of state '{mdp.StateNames[s]}'", name);
                if (name.StartsWith('['))
                    throw new MdpValidationException("actions", $"DRN cannot carry the name of action '{name}' of state '{mdp.StateNames[s]}': a leading '[' reads as action rewards. Rename it, or write canonical JSON.");
                sb.Append("\taction ").Append(name).Append('\n');
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                for (int k = 0; k < succ.Length; k++)
                    sb.Append("\t\t").Append(Invariant(succ[k])).Append(" : ").Append(FormatText.Show(prob[k])).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static DrnState ParseState(string[] tokens, int line, int expectedId, int? nrStates)
    {
        if (tokens.Length < 2) throw new MdpValidationException(line, "state", "a state line needs an id: 'state ID [rewards] labels'.");
        int id = FormatText.Index(tokens[1], line, "state id");
        if (id != expectedId)
            throw new MdpValidationException(line, "state", $"expected state {expectedId} (states are listed in order 0, 1, …); got state {id}.");
        if (nrStates is { } n && id >= n)
            throw new MdpValidationException(line, "state", $"state {id} is beyond @nr_states = {n}.");
        var rest = string.Join(' ', tokens[2..]);
        double? reward = null;
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw new MdpValidationException(line, "state", $"state {id}: unclosed '[' in its rewards.");
            var rewards = Bracketed(rest[..(close + 1)], line, $"rewards of state {id}");
            if (rewards.Length > 0) reward = rewards[0];
            rest = rest[(close + 1)..].Trim();
        }
        return new DrnState(id, line, reward, rest.Length == 0 ? null : rest);
    }

    private static double[] Bracketed(string text, int line, string field)
    {
        text = text.Trim();
        if (!text.StartsWith('[') || !text.EndsWith(']'))
            throw new MdpValidationException(line, field, $"{field} must be written [r1, r2, …]; got '{text}'.");
        return text[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => FormatText.Number(t, line, field)).ToArray();
    }

    private static void CloseAction(DrnAction? action, DrnState state, int? endLine = null)
    {
        if (action is null) return;
        string where = $"action '{action.Name}' of state {state.Id}";
        if (action.Outcomes.Count == 0)
            throw new MdpValidationException(endLine ?? action.Line, "transition",
                (endLine is null ? "" : "unexpected end of file: ") + $"{where} has no successors.");
        FormatText.CheckRowSum(action.Outcomes.Select(o => o.Probability), action.Line, "probability", where);
    }

    private static MdpDocument Build(List<DrnState> states)
    {
        var builder = new MdpBuilder();
        foreach (var s in states) builder.AddState(Invariant(s.Id));
        foreach (var s in states)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in s.Actions)
            {
                if (!seen.Add(a.Name))
                    throw new MdpValidationException(a.Line, "action", $"state {s.Id} has action '{a.Name}' twice.");
                foreach (var (succ, _) in a.Outcomes)
                    if (succ >= states.Count)
                        throw new MdpValidationException(a.Line, "successor", $"action '{a.Name}' of state {s.Id} goes to state {succ}, which the file does not define (states 0..{states.Count - 1}).");
                builder.AddAction(Invariant(s.Id), a.Name, a.Outcomes.Select(o => (Invariant(o.Successor), o.Probability)).ToArray());
            }
            if (s.Labels is not null) builder.SetLabel(Invariant(s.Id), s.Labels);
        }
        var mdp = builder.Build();
        bool anyReward = states.Any(s => s.Reward is not null);
        return new MdpDocument(mdp, rewards: anyReward ? states.Select(s => s.Reward ?? 0).ToArray() : null);
    }

    private static string Invariant(int x) => x.ToString(CultureInfo.InvariantCulture);

    private sealed record DrnState(int Id, int Line, double? Reward, string? Labels)
    {
        public List<DrnAction> Actions { get; } = new();
    }

    private sealed record DrnAction(string Name, int Line)
    {
        public List<(int Successor, double Probability)> Outcomes { get; } = new();
    }
}

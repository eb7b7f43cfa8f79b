using System.Globalization;
using System.Text;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// PRISM's explicit MDP files: a transition file <c>.tra</c> (header <c>STATES CHOICES TRANSITIONS</c>, then one row
/// <c>s c s' p [action]</c> per transition), an optional label file <c>.lab</c> (<c>0="init" 1="goal"</c>, then
/// <c>s: 0 1</c> rows) and an optional state-reward file <c>.srew</c> (header <c>STATES NONZEROS</c>, then <c>s r</c>
/// rows). States are named by their indices; an action is named by its label when the row has one, otherwise by its
/// choice index. Labels become the states' display labels; state rewards become the document's reward vector.
/// </summary>
public static class PrismExplicitFormat
{
    /// <summary>Parses the contents of a <c>.tra</c> file and, optionally, its <c>.lab</c> and <c>.srew</c> files.</summary>
    /// <exception cref="MdpValidationException">Malformed or invalid input; the message starts with <c>line N:</c>
    /// and, for the side files, names the file kind.</exception>
    public static MdpImport Parse(string tra, string? lab = null, string? srew = null)
    {
        ArgumentNullException.ThrowIfNull(tra);
        var lines = FormatText.Lines(tra, "//").ToList();
        if (lines.Count == 0) throw new MdpValidationException(1, "header", "empty .tra file: expected the header 'STATES CHOICES TRANSITIONS'.");
        var (headerLine, header) = lines[0];
        var h = FormatText.Tokens(header);
        if (h.Length != 3)
            throw new MdpValidationException(headerLine, "header", $"the .tra header must be 'STATES CHOICES TRANSITIONS' (3 integers); got '{header}'.");
        int n = FormatText.Index(h[0], headerLine, "STATES");
        int choices = FormatText.Index(h[1], headerLine, "CHOICES");
        int transitions = FormatText.Index(h[2], headerLine, "TRANSITIONS");
        if (n == 0) throw new MdpValidationException(headerLine, "STATES", "the model has no states.");
        // Checked before the per-state tables are allocated: every state needs a row, and the model must fit in memory.
        if (n > lines.Count - 1)
            throw new MdpValidationException(headerLine, "STATES", $"the header declares {n} states but the file has only {lines.Count - 1} rows; every state needs at least one.");
        Budgets.MemoryBudget.Require(Budgets.MemoryEstimate.Import(n, choices, lines.Count - 1),
            $"reading the .tra file ({n} states, {lines.Count - 1} rows)", "use a smaller model");
        // Per state: choice index → (label, first line, outcomes).
        var rows = new SortedDictionary<int, PrismChoice>[n];
        for (int s = 0; s < n; s++) rows[s] = new SortedDictionary<int, PrismChoice>();
        foreach (var (line, content) in lines.Skip(1))
        {
            var t = FormatText.Tokens(content);
            if (t.Length is < 4 or > 5)
                throw new MdpValidationException(line, "row", $"a .tra row must be 's c s' p [action]'; got '{content}'.");
            int s = FormatText.Index(t[0], line, "source state");
            int c = FormatText.Index(t[1], line, "choice");
            int target = FormatText.Index(t[2], line, "target state");
            if (s >= n) throw new MdpValidationException(line, "source state", $"row from state {s}, but the header declares {n} states (0..{n - 1}).");
            if (target >= n) throw new MdpValidationException(line, "target state", $"row to state {target}, but the header declares {n} states (0..{n - 1}).");
            double p = FormatText.Probability(t[3], line, "probability");
            string? label = t.Length == 5 ? t[4] : null;
            if (!rows[s].TryGetValue(c, out var choice))
            {
                choice = new PrismChoice(label, line);
                rows[s][c] = choice;
            }
            else if (choice.Label != label)
            {
                throw new MdpValidationException(line, "action", $"choice {c} of state {s} is labelled '{choice.Label}' on line {choice.Line} but '{label}' here.");
            }
            if (choice.Outcomes.FindIndex(o => o.Target == target) is var k and >= 0)
                throw new MdpValidationException(line, "row", $"state {s}, choice {c} lists target {target} twice (line {choice.OutcomeLines[k]} and here); give each target once.");
            choice.Outcomes.Add((target, p));
            choice.OutcomeLines.Add(line);
        }
        int rowCount = lines.Count - 1, choiceCount = rows.Sum(r => r.Count);
        if (rowCount != transitions)
            throw new MdpValidationException(headerLine, "TRANSITIONS", $"the header declares {transitions} transitions but the file has {rowCount} rows.");
        if (choiceCount != choices)
            throw new MdpValidationException(headerLine, "CHOICES", $"the header declares {choices} choices but the rows use {choiceCount}.");
        var builder = new MdpBuilder();
        for (int s = 0; s < n; s++) builder.AddState(Name(s));
        for (int s = 0; s < n; s++)
        {
            if (rows[s].Count == 0)
                throw new MdpValidationException(FormatText.LastLine(tra), "state", $"state {s} has no choice (no .tra row starts at it); every state needs at least one.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int expected = 0;
            foreach (var (c, choice) in rows[s])
            {
                if (c != expected)
                    throw new MdpValidationException(choice.Line, "choice", $"state {s} has choice {c} but no choice {expected} (choices are numbered 0, 1, …).");
                expected++;
                string action = choice.Label ?? Name(c);
                if (!seen.Add(action))
                    throw new MdpValidationException(choice.Line, "action", $"state {s} has two choices named '{action}'.");
                FormatText.CheckRowSum(choice.Outcomes.Select(o => o.Probability), choice.Line, "probability", $"choice {c} of state {s}");
                builder.AddAction(Name(s), action, choice.Outcomes.Select(o => (Name(o.Target), o.Probability)).ToArray());
            }
        }
        if (lab is not null) ReadLabels(lab, n, builder);
        var rewards = srew is null ? null : ReadRewards(srew, n);
        return new MdpImport(new MdpDocument(builder.Build(), rewards: rewards), []);
    }

    /// <summary>Reads <paramref name="traPath"/> and the <c>.lab</c> and <c>.srew</c> files beside it (same name, other
    /// extension). A companion is used only when it fits the <c>.tra</c>: a <c>.srew</c> whose header declares the same
    /// number of states, a <c>.lab</c> whose rows name only states of the model; one that does not fit (left by an export
    /// of another model, say) is ignored. Each companion used and each one ignored is named in a note.</summary>
    public static MdpImport Load(string traPath)
    {
        ArgumentNullException.ThrowIfNull(traPath);
        string tra = StrictUtf8.ReadFile(traPath);
        int n = DeclaredStates(tra);
        var notes = new List<string>();
        string? Side(string ext, Func<string, int, string?> misfit)
        {
            var p = Path.ChangeExtension(traPath, ext);
            if (!File.Exists(p)) return null;
            var text = StrictUtf8.ReadFile(p);
            if (n > 0 && misfit(text, n) is { } why)
            {
                notes.Add($"ignored {Path.GetFileName(p)}: {why}, so it does not belong to {Path.GetFileName(traPath)}.");
                return null;
            }
            notes.Add($"read {(ext == ".lab" ? "labels" : "state rewards")} from {Path.GetFileName(p)}.");
            return text;
        }
        var lab = Side(".lab", LabelMisfit);
        var srew = Side(".srew", RewardMisfit);
        var import = Parse(tra, lab, srew);
        return import with { Notes = [.. notes, .. import.Notes] };
    }

    /// <summary>The state count of a <c>.tra</c> header, or 0 when the header is unreadable (then Parse reports it).</summary>
    private static int DeclaredStates(string tra)
    {
        var first = FormatText.Lines(tra, "//").FirstOrDefault();
        if (first.Text is null) return 0;
        var h = FormatText.Tokens(first.Text);
        return h.Length == 3 && int.TryParse(h[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
    }

    private static string? RewardMisfit(string srew, int n)
    {
        var first = FormatText.Lines(srew, "//").FirstOrDefault();
        if (first.Text is null) return null;
        var h = FormatText.Tokens(first.Text);
        return h.Length >= 1 && int.TryParse(h[0], NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m != n
            ? $"its header declares {m} states, the model has {n}"
            : null;
    }

    private static string? LabelMisfit(string lab, int n)
    {
        foreach (var (_, content) in FormatText.Lines(lab, "//").Skip(1))
        {
            int colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(content[..colon].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int s) && s >= n)
                return $"it labels state {s}, the model has {n} states (0..{n - 1})";
        }
        return null;
    }

    /// <summary>The three files of a document: the <c>.tra</c> text, and the <c>.lab</c> and <c>.srew</c> texts (null
    /// when the model has no identifier labels or no reward vector).</summary>
    /// <exception cref="MdpValidationException">An action name a <c>.tra</c> row cannot carry (empty, white space, <c>//</c>).</exception>
    public static (string Tra, string? Lab, string? Srew) Write(MdpDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mdp = document.Mdp;
        var tra = new StringBuilder();
        tra.Append(Name(mdp.StateCount)).Append(' ').Append(Name(mdp.StateActionCount)).Append(' ').Append(Name(mdp.TransitionCount)).Append('\n');
        for (int s = 0; s < mdp.StateCount; s++)
        {
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                string action = mdp.ActionNames(s)[a];
                FormatText.CheckWritableName("PRISM", $"action '{action}' of state '{mdp.StateNames[s]}'", action);
                bool named = action != Name(a);
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                for (int k = 0; k < succ.Length; k++)
                {
                    tra.Append(Name(s)).Append(' ').Append(Name(a)).Append(' ').Append(Name(succ[k])).Append(' ').Append(FormatText.Show(prob[k]));
                    if (named) tra.Append(' ').Append(action);
                    tra.Append('\n');
                }
            }
        }
        string? srew = null;
        if (document.Rewards is { } r)
        {
            var nonZero = Enumerable.Range(0, mdp.StateCount).Where(s => r[s] != 0).ToList();
            var sb = new StringBuilder().Append(Name(mdp.StateCount)).Append(' ').Append(Name(nonZero.Count)).Append('\n');
            foreach (var s in nonZero) sb.Append(Name(s)).Append(' ').Append(FormatText.Show(r[s])).Append('\n');
            srew = sb.ToString();
        }
        return (tra.ToString(), WriteLabels(mdp), srew);
    }

    private static string? WriteLabels(Mdp mdp)
    {
        var names = new List<string>();
        var perState = new List<(int State, int[] Labels)>();
        for (int s = 0; s < mdp.StateCount; s++)
        {
            if (!mdp.Labels.TryGetValue(mdp.StateNames[s], out var text)) continue;
            if (!FormatText.IsIdentifierList(text)) continue;
            var words = text.Split(' ');
            var ids = words.Select(w =>
            {
                int i = names.IndexOf(w);
                if (i < 0)
                {
                    names.Add(w);
                    i = names.Count - 1;
                }
                return i;
            }).ToArray();
            perState.Add((s, ids));
        }
        if (names.Count == 0) return null;
        var sb = new StringBuilder(string.Join(' ', names.Select((w, i) => $"{Name(i)}=\"{w}\""))).Append('\n');
        foreach (var (s, ids) in perState) sb.Append(Name(s)).Append(": ").Append(string.Join(' ', ids.Select(Name))).Append('\n');
        return sb.ToString();
    }

    private static void ReadLabels(string lab, int n, MdpBuilder builder)
    {
        var lines = FormatText.Lines(lab, "//").ToList();
        if (lines.Count == 0) return;
        var names = new Dictionary<int, string>();
        foreach (var item in FormatText.Tokens(lines[0].Text))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || item.Length < eq + 3 || item[eq + 1] != '"' || item[^1] != '"')
                throw new MdpValidationException(lines[0].Line, ".lab", $".lab header entries must be INDEX=\"name\"; got '{item}'.");
            int index = FormatText.Index(item[..eq], lines[0].Line, ".lab label index");
            if (!names.TryAdd(index, item[(eq + 2)..^1]))
                throw new MdpValidationException(lines[0].Line, ".lab", $".lab header defines label {index} twice.");
        }
        var perState = new Dictionary<int, List<string>>();
        foreach (var (line, content) in lines.Skip(1))
        {
            int colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) throw new MdpValidationException(line, ".lab", $".lab rows must be 'STATE: LABEL …'; got '{content}'.");
            int s = FormatText.Index(content[..colon].Trim(), line, ".lab state");
            if (s >= n) throw new MdpValidationException(line, ".lab", $".lab row for state {s}, but the model has {n} states (0..{n - 1}).");
            if (perState.ContainsKey(s))
                throw new MdpValidationException(line, ".lab", $".lab has a second row for state {s}; give each state's labels on one row.");
            var row = perState[s] = new List<string>();
            foreach (var t in FormatText.Tokens(content[(colon + 1)..]))
            {
                int i = FormatText.Index(t, line, ".lab label index");
                if (!names.TryGetValue(i, out var label))
                    throw new MdpValidationException(line, ".lab", $".lab row uses label {i}, which the header does not define.");
                if (row.Contains(label))
                    throw new MdpValidationException(line, ".lab", $".lab row for state {s} lists label {i} twice.");
                row.Add(label);
            }
        }
        foreach (var (s, labels) in perState)
            if (labels.Count > 0) builder.SetLabel(Name(s), string.Join(' ', labels));
    }

    private static double[] ReadRewards(string srew, int n)
    {
        var lines = FormatText.Lines(srew, "//").ToList();
        var rewards = new double[n];
        if (lines.Count == 0) return rewards;
        var header = FormatText.Tokens(lines[0].Text);
        if (header.Length != 2 || FormatText.Index(header[0], lines[0].Line, ".srew STATES") != n)
            throw new MdpValidationException(lines[0].Line, ".srew", $".srew header must be '{n} NONZEROS' for a {n}-state model; got '{lines[0].Text}'.");
        int declared = FormatText.Index(header[1], lines[0].Line, ".srew NONZEROS");
        var firstLine = new Dictionary<int, int>();
        foreach (var (line, content) in lines.Skip(1))
        {
            var t = FormatText.Tokens(content);
            if (t.Length != 2) throw new MdpValidationException(line, ".srew", $".srew rows must be 'STATE REWARD'; got '{content}'.");
            int s = FormatText.Index(t[0], line, ".srew state");
            if (s >= n) throw new MdpValidationException(line, ".srew", $".srew row for state {s}, but the model has {n} states (0..{n - 1}).");
            if (!firstLine.TryAdd(s, line))
                throw new MdpValidationException(line, ".srew", $".srew gives state {s} a reward twice (line {firstLine[s]} and here).");
            rewards[s] = FormatText.Number(t[1], line, ".srew reward");
        }
        if (firstLine.Count != declared)
            throw new MdpValidationException(lines[0].Line, ".srew NONZEROS", $".srew header declares {declared} rows (NONZEROS) but the file has {firstLine.Count}.");
        return rewards;
    }

    private static string Name(int i) => i.ToString(CultureInfo.InvariantCulture);

    private sealed record PrismChoice(string? Label, int Line)
    {
        public List<(int Target, double Probability)> Outcomes { get; } = new();

        public List<int> OutcomeLines { get; } = new();
    }
}

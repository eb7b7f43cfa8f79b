using System.Globalization;
using PowerTheory.Mdps;

namespace PowerTheory.Rewards;

/// <summary>
/// Parser for reward-distribution specs (docs/power.md, reward distributions).
/// </summary>
/// <remarks>
/// <para>Grammar (whitespace is ignored; items are separated by <c>;</c>):</para>
/// <code>
/// spec  := item (';' item)*
/// item  := law                      the base law, IID over all states (default uniform(0,1))
///        | STATE '=' law            a per-state override
///        | 'tie' '(' STATE (',' STATE)+ ')'   the states share one draw
/// law   := 'uniform' '(' a ',' b ')' | 'beta' '(' α ',' β ')' | 'triangular' '(' lower ',' upper ',' mode ')'
///        | 'bernoulli' '(' p ')' | 'point' '(' x ')' | 'discrete' '(' v ':' p (',' v ':' p)* ')'
///        | 'normal' '(' μ ',' σ ')' | 'exponential' '(' λ ')'          (unbounded: refused for POWER)
/// </code>
/// <para>Example: <c>uniform(0,1); s0=uniform(-1,1); tie(s1,s2)</c>. Law names are case-insensitive; state names are
/// exact. Errors throw <see cref="RewardSpecException"/> naming the bad token.</para>
/// </remarks>
public static class RewardSpecParser
{
    /// <summary>The default spec, <c>uniform(0,1)</c> IID over states.</summary>
    public const string Default = "uniform(0,1)";

    /// <summary>Parses a full spec for <paramref name="mdp"/>. A spec with only a base law gives an
    /// <see cref="IidRewardDistribution"/>; overrides or ties give a <see cref="StateRewardDistribution"/>.</summary>
    public static RewardDistribution Parse(string spec, Mdp mdp)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(mdp);
        if (KeyedLawForm.TryRewrite(spec, out var functional)) spec = functional;
        var p = new Parser(spec);
        ScalarDistribution? baseLaw = null;
        var overrides = new Dictionary<int, ScalarDistribution>();
        var ties = new List<int[]>();
        if (p.AtEnd) throw p.Error("an empty reward spec; expected a law such as uniform(0,1)");
        while (true)
        {
            var (word, pos) = p.Word("a law or a state name");
            if (p.Peek == '=')
            {
                p.Expect('=');
                int s = StateOf(mdp, word, pos);
                if (overrides.ContainsKey(s))
                    throw new RewardSpecException($"state '{word}' has two overrides in the reward spec.", word, pos);
                overrides[s] = p.LawAfterName(p.Word("a law").Item1, p.LastPosition);
            }
            else if (string.Equals(word, "tie", StringComparison.OrdinalIgnoreCase) && p.Peek == '(')
            {
                p.Expect('(');
                var group = new List<int>();
                while (true)
                {
                    var (name, npos) = p.Word("a state name");
                    int s = StateOf(mdp, name, npos);
                    if (group.Contains(s))
                        throw new RewardSpecException($"state '{name}' appears twice in one tie group.", name, npos);
                    group.Add(s);
                    if (p.Peek == ',') { p.Expect(','); continue; }
                    p.Expect(')');
                    break;
                }
                if (group.Count < 2)
                    throw new RewardSpecException("a tie group needs at least two states, e.g. tie(s1,s2).", "tie", pos);
                ties.Add(group.ToArray());
            }
            else
            {
                if (baseLaw is not null)
                    throw new RewardSpecException($"a second base law '{word}'; give one base law and per-state overrides as STATE=law.", word, pos);
                baseLaw = p.LawAfterName(word, pos);
            }
            if (p.AtEnd) break;
            p.Expect(';');
        }
        baseLaw ??= ScalarDistribution.Uniform();
        if (overrides.Count == 0 && ties.Count == 0) return new IidRewardDistribution(baseLaw);
        try
        {
            return new StateRewardDistribution(mdp, baseLaw, overrides, ties);
        }
        catch (ArgumentException e)
        {
            throw new RewardSpecException(e.Message.Split(" (Parameter")[0], spec, 0);
        }
    }

    /// <summary>
    /// Builds a distribution from the separate command-line pieces: a base law (null means <c>uniform(0,1)</c>),
    /// overrides of the form <c>STATE=law</c> and tie groups of the form <c>s1,s2,...</c>.
    /// </summary>
    public static RewardDistribution Build(Mdp mdp, string? baseLaw, IEnumerable<string>? stateOverrides = null,
        IEnumerable<string>? ties = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        string law = string.IsNullOrWhiteSpace(baseLaw) ? Default : baseLaw;
        // The keyed form is a whole-law form: rewrite the base law before overrides and ties are joined to it with ';'.
        if (KeyedLawForm.TryRewrite(law, out var functional)) law = functional;
        var items = new List<string> { law };
        if (stateOverrides is not null) items.AddRange(stateOverrides);
        if (ties is not null) items.AddRange(ties.Select(t => $"tie({t})"));
        return Parse(string.Join(";", items), mdp);
    }

    /// <summary>Parses a single law such as <c>beta(2,5)</c> (or, keyed, <c>beta:a=2,b=5</c>) or <c>discrete(0:0.5,1:0.5)</c>.</summary>
    public static ScalarDistribution ParseLaw(string law)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (KeyedLawForm.TryRewrite(law, out var functional)) law = functional;
        var p = new Parser(law);
        var (word, pos) = p.Word("a law");
        var result = p.LawAfterName(word, pos);
        if (!p.AtEnd) throw p.Error("unexpected text after the law");
        return result;
    }

    private static int StateOf(Mdp mdp, string name, int pos)
    {
        if (mdp.TryGetStateIndex(name, out int s)) return s;
        throw new RewardSpecException(
            $"unknown state '{name}' in the reward spec; the MDP has states {Mdp.DescribeNames(mdp.StateNames)}.", name, pos);
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public int LastPosition { get; private set; }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _pos >= text.Length;
            }
        }

        public char Peek
        {
            get
            {
                SkipSpace();
                return _pos < text.Length ? text[_pos] : '\0';
            }
        }

        private static bool IsDelimiter(char c) => c is '(' or ')' or ',' or ':' or '=' or ';' || char.IsWhiteSpace(c);

        public RewardSpecException Error(string what)
        {
            SkipSpace();
            int start = _pos;
            int end = start;
            while (end < text.Length && !IsDelimiter(text[end])) end++;
            if (end == start && end < text.Length) end++;
            string token = text[start..end];
            return new RewardSpecException(
                token.Length == 0 ? $"reward spec: {what} at the end of the input." : $"reward spec: {what} at '{token}' (offset {start}).",
                token, start);
        }

        public (string, int) Word(string expected)
        {
            SkipSpace();
            int start = _pos;
            while (_pos < text.Length && !IsDelimiter(text[_pos])) _pos++;
            if (_pos == start) throw Error($"expected {expected}");
            LastPosition = start;
            return (text[start.._pos], start);
        }

        public void Expect(char c)
        {
            if (Peek != c) throw Error($"expected '{c}'");
            _pos++;
        }

        private double Number(string what)
        {
            var (w, pos) = Word(what);
            if (double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x)) return x;
            throw new RewardSpecException($"reward spec: expected {what} (a finite number) but got '{w}' (offset {pos}).", w, pos);
        }

        private double[] Arguments(string law, int count, int namePos)
        {
            Expect('(');
            var args = new List<double>();
            while (true)
            {
                args.Add(Number($"argument {args.Count + 1} of {law}"));
                if (Peek == ',') { _pos++; continue; }
                Expect(')');
                break;
            }
            if (args.Count != count)
                throw new RewardSpecException($"reward spec: {law} takes {count} argument(s); got {args.Count}.", law, namePos);
            return args.ToArray();
        }

        public ScalarDistribution LawAfterName(string name, int namePos)
        {
            string law = name.ToLowerInvariant();
            try
            {
                var entry = RewardLawRegistry.Find(law)
                    ?? throw new RewardSpecException(
                        $"reward spec: unknown law '{name}' (offset {namePos}); expected {RewardLawRegistry.NameList}.", name, namePos);
                if (entry.Create is not null) return entry.Create(Arguments(law, entry.Arity, namePos));
                // discrete(v1:p1, v2:p2, …): pairs, read here.
                Expect('(');
                var values = new List<double>();
                var probs = new List<double>();
                while (true)
                {
                    values.Add(Number($"value {values.Count + 1} of discrete"));
                    Expect(':');
                    probs.Add(Number($"probability {probs.Count + 1} of discrete"));
                    if (Peek == ',') { _pos++; continue; }
                    Expect(')');
                    break;
                }
                return ScalarDistribution.Discrete(values, probs);
            }
            catch (ArgumentException e)
            {
                throw new RewardSpecException($"reward spec: invalid {law}: {e.Message.Split(" (Parameter")[0]}", name, namePos);
            }
        }
    }
}

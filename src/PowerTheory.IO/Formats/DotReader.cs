using System.Text;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// Reads the subset of the Graphviz DOT language that graph libraries write for a digraph: an optional <c>strict</c>,
/// <c>digraph [ID] { … }</c>, node statements <c>ID [attrs]</c>, edge statements <c>ID -> ID [attrs]</c>, default
/// attribute statements (<c>graph</c>, <c>node</c>, <c>edge</c>, ignored) and <c>ID = ID</c> graph attributes (ignored);
/// comments <c>//</c>, <c>/* */</c> and <c>#</c> lines. Subgraphs and edge chains are refused by name.
/// </summary>
internal static class DotReader
{
    /// <summary>A node or edge statement with its line and attributes.</summary>
    public sealed record Statement(int Line, string From, string? To, IReadOnlyDictionary<string, string> Attributes);

    /// <summary>Parses the statements of a DOT digraph.</summary>
    /// <exception cref="MdpValidationException">Malformed input (the message names the line).</exception>
    public static List<Statement> Parse(string text)
    {
        var tokens = Lex(text);
        int i = 0;
        (string Text, bool Quoted, int Line) Peek() => i < tokens.Count ? tokens[i] : ("", false, FormatText.LastLine(text));
        (string Text, bool Quoted, int Line) Next()
        {
            var t = Peek();
            if (i >= tokens.Count) throw new MdpValidationException(t.Line, "dot", "unexpected end of file: the graph is not closed with '}'.");
            i++;
            return t;
        }
        void Expect(string what)
        {
            var t = Next();
            if (t.Quoted || t.Text != what) throw new MdpValidationException(t.Line, "dot", $"expected '{what}'; got '{t.Text}'.");
        }
        bool IsKeyword(string word) => i < tokens.Count && !tokens[i].Quoted && tokens[i].Text.Equals(word, StringComparison.OrdinalIgnoreCase);

        if (IsKeyword("strict")) i++;
        if (!IsKeyword("digraph"))
            throw new MdpValidationException(Peek().Line, "dot", $"expected 'digraph'; got '{Peek().Text}'.");
        i++;
        if (Peek().Text != "{" || Peek().Quoted) Next();
        Expect("{");
        var statements = new List<Statement>();
        while (true)
        {
            var t = Next();
            if (!t.Quoted && t.Text == "}") break;
            if (!t.Quoted && t.Text == ";") continue;
            if (!t.Quoted && t.Text is "{" or "[" or "]" or "=" or "->" or ",")
                throw new MdpValidationException(t.Line, "dot", $"unexpected '{t.Text}'.");
            if (!t.Quoted && t.Text.Equals("subgraph", StringComparison.OrdinalIgnoreCase))
                throw new MdpValidationException(t.Line, "dot", "subgraphs are not supported in MDP files.");
            bool defaults = !t.Quoted && t.Text.ToLowerInvariant() is "graph" or "node" or "edge";
            if (!Peek().Quoted && Peek().Text == "=")
            {
                i++;
                Next();
                continue;
            }
            string? to = null;
            if (!Peek().Quoted && Peek().Text == "->")
            {
                i++;
                var target = Next();
                if (!target.Quoted && target.Text is "{" or "}" or "[" or "]" or ";" or "=" or "->")
                    throw new MdpValidationException(target.Line, "dot", $"expected a node after '->'; got '{target.Text}'.");
                to = target.Text;
                if (!Peek().Quoted && Peek().Text == "->")
                    throw new MdpValidationException(Peek().Line, "dot", "edge chains a -> b -> c are not supported; write one edge per statement.");
            }
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (!Peek().Quoted && Peek().Text == "[")
            {
                i++;
                while (true)
                {
                    var key = Next();
                    if (!key.Quoted && key.Text == "]") break;
                    if (!key.Quoted && key.Text is "," or ";") continue;
                    Expect("=");
                    var value = Next();
                    attributes[key.Text] = value.Text;
                }
            }
            if (!defaults) statements.Add(new Statement(t.Line, t.Text, to, attributes));
        }
        if (i < tokens.Count) throw new MdpValidationException(tokens[i].Line, "dot", $"unexpected '{tokens[i].Text}' after the closing '}}'.");
        return statements;
    }

    private static List<(string Text, bool Quoted, int Line)> Lex(string text)
    {
        var tokens = new List<(string, bool, int)>();
        int line = 1, k = 0;
        while (k < text.Length)
        {
            char c = text[k];
            if (c == '\n')
            {
                line++;
                k++;
            }
            else if (char.IsWhiteSpace(c))
            {
                k++;
            }
            else if (c == '/' && k + 1 < text.Length && text[k + 1] == '/' || c == '#' && (k == 0 || text[k - 1] == '\n'))
            {
                while (k < text.Length && text[k] != '\n') k++;
            }
            else if (c == '/' && k + 1 < text.Length && text[k + 1] == '*')
            {
                int start = line;
                k += 2;
                while (k + 1 < text.Length && !(text[k] == '*' && text[k + 1] == '/'))
                {
                    if (text[k] == '\n') line++;
                    k++;
                }
                if (k + 1 >= text.Length) throw new MdpValidationException(start, "dot", "unclosed comment '/*'.");
                k += 2;
            }
            else if (c == '"')
            {
                int start = line;
                var sb = new StringBuilder();
                k++;
                while (k < text.Length && text[k] != '"')
                {
                    if (text[k] == '\\' && k + 1 < text.Length && text[k + 1] == '"')
                    {
                        sb.Append('"');
                        k += 2;
                        continue;
                    }
                    if (text[k] == '\\' && k + 1 < text.Length && text[k + 1] == '\n')
                    {
                        line++;
                        k += 2;
                        continue;
                    }
                    if (text[k] == '\n') line++;
                    sb.Append(text[k]);
                    k++;
                }
                if (k >= text.Length) throw new MdpValidationException(start, "dot", "unclosed string: a '\"' has no closing '\"'.");
                k++;
                tokens.Add((sb.ToString(), true, start));
            }
            else if (c == '-' && k + 1 < text.Length && text[k + 1] == '>')
            {
                tokens.Add(("->", false, line));
                k += 2;
            }
            else if ("{}[];,=".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add((c.ToString(), false, line));
                k++;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-' || c > 127)
            {
                int start = k;
                while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '_' or '.' || text[k] > 127
                           || text[k] == '-' && !(k + 1 < text.Length && text[k + 1] == '>')))
                    k++;
                tokens.Add((text[start..k], false, line));
            }
            else
            {
                throw new MdpValidationException(line, "dot", $"unexpected character '{c}'.");
            }
        }
        return tokens;
    }
}

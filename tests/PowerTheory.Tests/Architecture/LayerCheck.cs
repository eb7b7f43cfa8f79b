using System.Text;
using System.Text.RegularExpressions;

namespace PowerTheory.Tests.Architecture;

/// <summary>
/// The layer rule of the library (docs/architecture.md) as a pure function over source texts, so that tests can run it
/// on the real sources and on copies with planted violations. A file's layer is its top folder under src/PowerTheory;
/// it may use only folders of a lower rank. Reported:
/// <list type="bullet">
/// <item>a reference to a folder of the same or a higher rank (<c>using PowerTheory.X</c>, <c>using static</c>, an alias,
/// <c>PowerTheory.X.</c> anywhere, or the short form <c>X.Type</c> that resolves inside the PowerTheory namespace), read
/// from the code with comments and string literals removed by a scanner that knows strings (so <c>"http://"</c> does not
/// start a comment) and keeps the code inside interpolation holes;</item>
/// <item>a <c>global using</c> of a library namespace (it would give every file of the assembly that reference), in a
/// source file or as <c>&lt;Using Include="PowerTheory.X"/&gt;</c> in the project file;</item>
/// <item>a file whose namespace is not <c>PowerTheory.&lt;its folder path, dotted&gt;</c> (a type in the root namespace, or in another
/// folder's, is usable by every layer without any reference the check could see);</item>
/// <item>a source file directly in src/PowerTheory, outside every layer.</item>
/// </list>
/// </summary>
public static class LayerCheck
{
    /// <summary>The layers, bottom first; folders of one rank may not use each other.</summary>
    public static readonly string[][] Layers =
    [
        ["Internal"],
        ["Budgets"],
        ["Mdps"],
        ["Rewards", "Solvers", "Environments"],
        ["Visits", "MonteCarlo"],
        ["Polytope"],
        ["Power"],
        ["Symmetry"],
        ["Retargeting"],
        ["DecisionMakers"],
    ];

    public static int Rank(string folder)
    {
        for (int i = 0; i < Layers.Length; i++)
            if (Layers[i].Contains(folder)) return i;
        return -1;
    }

    /// <summary>Every violation in <paramref name="files"/> (paths relative to src/PowerTheory, '/' separated).</summary>
    public static List<string> Violations(IEnumerable<(string Path, string Text)> files)
    {
        var violations = new List<string>();
        var names = string.Join("|", Layers.SelectMany(l => l));
        foreach (var (path, text) in files)
        {
            if (path.EndsWith(".csproj", StringComparison.Ordinal))
            {
                foreach (Match m in Regex.Matches(text, @"<Using\s+Include\s*=\s*""PowerTheory(\.\w+)*"""))
                    violations.Add($"{path}: a global using of a library namespace ({m.Value})");
                continue;
            }
            int slash = path.IndexOf('/');
            if (slash < 0)
            {
                violations.Add($"{path}: a source file outside every layer folder");
                continue;
            }
            string folder = path[..slash];
            int rank = Rank(folder);
            if (rank < 0)
            {
                violations.Add($"{path}: folder {folder} has no place in LayerCheck.Layers");
                continue;
            }
            var code = CodeOnly(text);
            string expected = "PowerTheory." + path[..path.LastIndexOf('/')].Replace('/', '.');
            foreach (Match m in Regex.Matches(code, @"\bnamespace\s+([\w.]+)"))
                if (m.Groups[1].Value != expected)
                    violations.Add($"{path}: namespace {m.Groups[1].Value} differs from its folder (expected {expected})");
            foreach (Match m in Regex.Matches(code, @"\bglobal\s+using\b[^;]*\bPowerTheory\b[^;]*;"))
                violations.Add($"{path}: a global using of a library namespace ({m.Value})");
            var used = new HashSet<string>();
            foreach (Match m in Regex.Matches(code, $@"\bPowerTheory\.({names})\b")) used.Add(m.Groups[1].Value);
            foreach (Match m in Regex.Matches(code, $@"(?<![\w.])({names})\.[A-Z]")) used.Add(m.Groups[1].Value);
            foreach (var u in used)
                if (u != folder && Rank(u) >= rank)
                    violations.Add($"{path}: {folder} uses {u}, {(Rank(u) == rank ? "a folder on its own level" : "a higher layer")}");
        }
        return violations;
    }

    /// <summary>The code of a C# source with comments and the text of string and character literals removed (the
    /// code inside interpolation holes is kept).</summary>
    public static string CodeOnly(string text)
    {
        var sb = new StringBuilder(text.Length);
        int i = 0;
        Scan(text, ref i, sb, stopAtBrace: false);
        return sb.ToString();
    }

    private static void Scan(string t, ref int i, StringBuilder sb, bool stopAtBrace)
    {
        int depth = 0;
        while (i < t.Length)
        {
            char c = t[i];
            char next = i + 1 < t.Length ? t[i + 1] : '\0';
            if (c == '/' && next == '/') { while (i < t.Length && t[i] != '\n') i++; continue; }
            if (c == '/' && next == '*')
            {
                int end = t.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? t.Length : end + 2;
                sb.Append(' ');
                continue;
            }
            if (c == '\'')
            {
                i++;
                while (i < t.Length && t[i] != '\'' && t[i] != '\n') i += t[i] == '\\' ? 2 : 1;
                i++;
                sb.Append("' '");
                continue;
            }
            if (c == '"' || ((c == '$' || c == '@') && (next == '"' || ((next == '@' || next == '$') && i + 2 < t.Length && t[i + 2] == '"'))))
            {
                String(t, ref i, sb);
                continue;
            }
            if (stopAtBrace)
            {
                if (c == '{') depth++;
                if (c == '}' && depth-- == 0) { i++; return; }
            }
            sb.Append(c);
            i++;
        }
    }

    /// <summary>Skips one string literal (regular, verbatim, interpolated, raw), appending "" plus the code of its holes.</summary>
    private static void String(string t, ref int i, StringBuilder sb)
    {
        bool interpolated = false, verbatim = false;
        while (t[i] != '"')
        {
            if (t[i] == '$') interpolated = true;
            if (t[i] == '@') verbatim = true;
            i++;
        }
        int quotes = 0;
        while (i < t.Length && t[i] == '"') { quotes++; i++; }
        sb.Append("\"\"");
        if (quotes == 2) return; // the empty string ""
        bool raw = quotes >= 3;
        while (i < t.Length)
        {
            char c = t[i];
            if (raw && c == '"' && string.CompareOrdinal(t, i, new string('"', quotes), 0, quotes) == 0) { i += quotes; return; }
            if (!raw && c == '"')
            {
                if (verbatim && i + 1 < t.Length && t[i + 1] == '"') { i += 2; continue; }
                i++;
                return;
            }
            if (!raw && !verbatim && c == '\\') { i += 2; continue; }
            if (!raw && !verbatim && c == '\n') return; // unterminated: stop at the line's end
            if (interpolated && c == '{')
            {
                if (i + 1 < t.Length && t[i + 1] == '{') { i += 2; continue; }
                i++;
                sb.Append(' ');
                Scan(t, ref i, sb, stopAtBrace: true);
                sb.Append(' ');
                continue;
            }
            i++;
        }
    }
}

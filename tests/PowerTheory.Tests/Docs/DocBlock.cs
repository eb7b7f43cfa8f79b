using System.Text.RegularExpressions;

namespace PowerTheory.Tests.Docs;

/// <summary>
/// One fenced code block of a Markdown page, with the <c>&lt;!-- doctest: … --&gt;</c> directives written on the lines
/// just above it. Directives: <c>setup: SHELL</c> (run first, in the page's working folder; may repeat) and
/// <c>skip: REASON</c> (the block is not run; only allowed for blocks that invoke no <c>powertheory</c> command other
/// than <c>powertheory --version</c>/<c>--help</c>, i.e. build and install recipes that <c>.ci/run</c> itself runs).
/// </summary>
internal sealed partial record DocBlock(string File, int Line, string Language, string Text, IReadOnlyList<string> Setup, string? SkipReason)
{
    [GeneratedRegex(@"^```(?<lang>[A-Za-z]*)[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!--\s*doctest:\s*(?<kind>setup|skip):\s*(?<value>.*?)\s*-->\s*$")]
    private static partial Regex Directive();

    /// <summary>Where the block is: <c>docs/cli.md:51</c>.</summary>
    public string Where => $"{File}:{Line}";

    /// <summary>Every fenced block of <paramref name="markdown"/>, in order.</summary>
    public static IEnumerable<DocBlock> Parse(string file, string markdown)
    {
        markdown = markdown.Replace("\r\n", "\n");
        foreach (Match m in Fence().Matches(markdown))
        {
            int line = markdown.AsSpan(0, m.Index).Count('\n') + 1;
            var setup = new List<string>();
            string? skip = null;
            // Directives are the HTML comments on the lines directly above the fence (blank lines allowed between).
            var above = markdown[..m.Index].TrimEnd('\n').Split('\n');
            for (int i = above.Length - 1; i >= 0; i--)
            {
                var d = Directive().Match(above[i].Trim());
                if (!d.Success) break;
                if (d.Groups["kind"].Value == "skip") skip = d.Groups["value"].Value;
                else setup.Insert(0, d.Groups["value"].Value);
            }
            yield return new DocBlock(file, line, m.Groups["lang"].Value, m.Groups["body"].Value, setup, skip);
        }
    }

    /// <summary>A shell block (<c>bash</c>, <c>sh</c>, <c>shell</c>): its commands are run and must all succeed.</summary>
    public bool IsShell => Language is "bash" or "sh" or "shell";

    /// <summary>
    /// The <c>$ command</c> transcripts of a block: each command with the output lines shown under it (until the next
    /// <c>$ </c> line). Lines before the first <c>$ </c> are not a transcript.
    /// </summary>
    public IReadOnlyList<(string Command, IReadOnlyList<string> Expected, int Line)> Transcripts()
    {
        var result = new List<(string, IReadOnlyList<string>, int)>();
        var lines = Text.TrimEnd('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("$ ", StringComparison.Ordinal)) continue;
            int start = i;
            var expected = new List<string>();
            while (i + 1 < lines.Length && !lines[i + 1].StartsWith("$ ", StringComparison.Ordinal)) expected.Add(lines[++i]);
            result.Add((lines[start][2..], expected, Line + 1 + start));
        }
        return result;
    }
}

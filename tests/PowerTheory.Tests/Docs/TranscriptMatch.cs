using System.Text.RegularExpressions;

namespace PowerTheory.Tests.Docs;

/// <summary>
/// How a documented transcript is compared with what the command prints: line by line after trimming trailing blanks;
/// a line that is only <c>…</c> (or <c>...</c>) stands for any number of lines, and <c>…</c>/<c>...</c> inside a line
/// for any text. Everything else must be equal character for character.
/// </summary>
internal static class TranscriptMatch
{
    public static bool IsGap(string line) => line.Trim() is "…" or "...";

    public static bool HasElision(IEnumerable<string> expected) => expected.Any(l => l.Contains('…') || l.Contains("..."));

    public static string[] Lines(string output)
    {
        var lines = output.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return [.. lines];
    }

    public static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var exp = expected.Select(l => l.TrimEnd()).ToList();
        while (exp.Count > 0 && exp[^1].Length == 0) exp.RemoveAt(exp.Count - 1);
        var memo = new Dictionary<(int, int), bool>();
        return Match(exp, actual, 0, 0, memo);
    }

    private static bool Match(List<string> exp, IReadOnlyList<string> act, int i, int j, Dictionary<(int, int), bool> memo)
    {
        if (memo.TryGetValue((i, j), out var known)) return known;
        bool result;
        if (i == exp.Count) result = j == act.Count;
        else if (IsGap(exp[i])) result = Match(exp, act, i + 1, j, memo) || (j < act.Count && Match(exp, act, i, j + 1, memo));
        else result = j < act.Count && LineMatches(exp[i], act[j]) && Match(exp, act, i + 1, j + 1, memo);
        memo[(i, j)] = result;
        return result;
    }

    private static bool LineMatches(string expected, string actual)
    {
        if (!expected.Contains('…') && !expected.Contains("...")) return expected == actual;
        var parts = expected.Split(["…", "..."], StringSplitOptions.None).Select(Regex.Escape);
        return Regex.IsMatch(actual, "^" + string.Join(".*?", parts) + "$", RegexOptions.Singleline);
    }
}

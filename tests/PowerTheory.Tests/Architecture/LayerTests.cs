using System.Text.RegularExpressions;

namespace PowerTheory.Tests.Architecture;

/// <summary>
/// The library's folders are layers that only look down (docs/architecture.md). The order is written here, once: a
/// folder may use only folders of a lower rank. The check reads the source text (comments removed) for
/// <c>using PowerTheory.X</c>, <c>PowerTheory.X.</c> and <c>X.Type</c> references.
/// </summary>
public class LayerTests
{
    /// <summary>The layers, bottom first; folders of one rank may not use each other.</summary>
    private static readonly string[][] Layers =
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
        ["Serialization"],
    ];

    private static int Rank(string folder)
    {
        for (int i = 0; i < Layers.Length; i++)
            if (Layers[i].Contains(folder)) return i;
        return -1;
    }

    private static string LibraryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PowerTheory.sln"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "the repository root (PowerTheory.sln) was not found above the test output folder");
        return Path.Combine(dir!.FullName, "src", "PowerTheory");
    }

    private static IEnumerable<(string Folder, string File)> SourceFiles()
    {
        var root = LibraryRoot();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/")) continue;
            int slash = relative.IndexOf('/');
            yield return (slash < 0 ? "" : relative[..slash], file);
        }
    }

    /// <summary>The code without comments and string literals (messages may name other layers' types).</summary>
    private static string WithoutComments(string text) =>
        Regex.Replace(Regex.Replace(Regex.Replace(text, @"/\*.*?\*/", "", RegexOptions.Singleline), @"//.*$", "", RegexOptions.Multiline),
            @"""(?:\\.|[^""\\\n])*""", "\"\"");

    /// <summary>The library folders that <paramref name="code"/> refers to.</summary>
    internal static IEnumerable<string> ReferencedFolders(string code)
    {
        var all = Layers.SelectMany(l => l).ToArray();
        var names = string.Join("|", all);
        foreach (Match m in Regex.Matches(code, $@"\bPowerTheory\.({names})\b")) yield return m.Groups[1].Value;
        foreach (Match m in Regex.Matches(code, $@"(?<![\w.])({names})\.[A-Z]")) yield return m.Groups[1].Value;
    }

    [Test]
    public void EveryFolderIsALayer()
    {
        var folders = SourceFiles().Select(f => f.Folder).Where(f => f != "").Distinct().ToList();
        Assert.That(folders, Is.Not.Empty);
        foreach (var folder in folders) Assert.That(Rank(folder), Is.GreaterThanOrEqualTo(0), $"folder {folder} has no place in LayerTests.Layers");
    }

    [Test]
    public void FoldersOnlyUseLowerLayers()
    {
        var violations = new List<string>();
        foreach (var (folder, file) in SourceFiles())
        {
            if (folder == "") continue;
            int rank = Rank(folder);
            var code = WithoutComments(File.ReadAllText(file));
            foreach (var used in ReferencedFolders(code).Distinct())
                if (used != folder && Rank(used) >= rank)
                    violations.Add($"{folder}/{Path.GetFileName(file)} uses {used}");
        }
        Assert.That(violations, Is.Empty, "a folder uses one at its own level or above: " + string.Join("; ", violations));
    }

    [Test]
    public void NoSourceFileIsOverThreeHundredLines()
    {
        var src = Path.GetDirectoryName(LibraryRoot())!;
        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (File: Path.GetRelativePath(src, f), Lines: File.ReadLines(f).Count()))
            .Where(x => x.Lines > 300)
            .Select(x => $"{x.File} ({x.Lines} lines)")
            .ToList();
        Assert.That(tooLong, Is.Empty, "one concept per file: split " + string.Join(", ", tooLong));
    }

    [Test]
    public void TheCheckSeesAViolation()
    {
        // The detector itself: both reference forms are found, namespaces and comments are not.
        Assert.That(ReferencedFolders("using PowerTheory.Polytope;").ToArray(), Is.EqualTo(new[] { "Polytope" }));
        Assert.That(ReferencedFolders("var x = Polytope.NonDominationTest.Test(a, b);").ToArray(), Is.EqualTo(new[] { "Polytope" }));
        Assert.That(ReferencedFolders(WithoutComments("// see Polytope.NonDominationTest")).ToArray(), Is.Empty);
        Assert.That(ReferencedFolders(WithoutComments("throw new X(\"use Polytope.NonDominatedSearch\");")).ToArray(), Is.Empty);
        Assert.That(ReferencedFolders("mdp.Solvers.Count").ToArray(), Is.Empty);
    }
}

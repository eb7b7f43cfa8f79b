namespace PowerTheory.Tests.Architecture;

/// <summary>
/// The library's folders are layers that only look down (docs/architecture.md): the rule and the order live in
/// <see cref="LayerCheck"/>, run here on the real sources; <see cref="LayerMutationTests"/> plants each kind of
/// violation and checks that it is caught.
/// </summary>
public class LayerTests
{
    internal static string LibraryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PowerTheory.sln"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "the repository root (PowerTheory.sln) was not found above the test output folder");
        return Path.Combine(dir!.FullName, "src", "PowerTheory");
    }

    /// <summary>The library's source files and its project file, as (path relative to src/PowerTheory, text).</summary>
    internal static List<(string Path, string Text)> LibrarySources()
    {
        var root = LibraryRoot();
        var files = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/")) continue;
            if (relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".csproj", StringComparison.Ordinal))
                files.Add((relative, File.ReadAllText(file)));
        }
        return files;
    }

    [Test]
    public void FoldersOnlyUseLowerLayers()
    {
        var sources = LibrarySources();
        Assert.That(sources.Count, Is.GreaterThan(100), "the library's sources were not found");
        var violations = LayerCheck.Violations(sources);
        Assert.That(violations, Is.Empty, "layer violations: " + string.Join("; ", violations));
    }

    [Test]
    public void EveryLayerFolderExists()
    {
        var folders = LibrarySources().Select(f => f.Path).Where(p => p.Contains('/')).Select(p => p[..p.IndexOf('/')]).ToHashSet();
        foreach (var folder in LayerCheck.Layers.SelectMany(l => l))
            Assert.That(folders, Does.Contain(folder), $"LayerCheck.Layers names {folder}, which has no source file");
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
}

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

    /// <summary>The core assembly keeps no file access and no JSON: both live in PowerTheory.IO (src/PowerTheory.IO).
    /// Read from the code with comments and strings removed, so a doc comment may still name a file.</summary>
    [Test]
    public void TheCoreKeepsNoFileAccessAndNoJson()
    {
        var forbidden = new System.Text.RegularExpressions.Regex(
            @"\bSystem\.Text\.Json\b|\bUtf8Json(Writer|Reader)\b|\bJsonDocument\b|\bFile\.|\bDirectory\.|\bFileStream\b|\bStream(Reader|Writer)\b|\bFileInfo\b");
        var found = LibrarySources().Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => forbidden.Matches(LayerCheck.CodeOnly(f.Text)).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.That(found, Is.Empty, "file access or JSON in the core assembly (it belongs in PowerTheory.IO): " + string.Join("; ", found));
    }

    /// <summary>PowerTheory.IO's namespaces follow its folders (PowerTheory.IO.Formats, PowerTheory.IO.Json).</summary>
    [Test]
    public void TheIoAssemblysNamespacesFollowItsFolders()
    {
        var root = Path.Combine(Path.GetDirectoryName(LibraryRoot())!, "PowerTheory.IO");
        var wrong = new List<string>();
        int files = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/")) continue;
            files++;
            string expected = "PowerTheory.IO" + (relative.Contains('/') ? "." + relative[..relative.LastIndexOf('/')].Replace('/', '.') : "");
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(LayerCheck.CodeOnly(File.ReadAllText(file)), @"\bnamespace\s+([\w.]+)"))
                if (m.Groups[1].Value != expected) wrong.Add($"{relative}: namespace {m.Groups[1].Value} (expected {expected})");
        }
        Assert.That(files, Is.GreaterThan(20), "PowerTheory.IO's sources were not found");
        Assert.That(wrong, Is.Empty, string.Join("; ", wrong));
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

namespace PowerTheory.Tests.IO.Formats;

/// <summary>Paths of files in the repository (example model files in docs/formats, test data beside these tests).</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "PowerTheory.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (PowerTheory.sln) was not found.");
    });

    /// <summary>The full path of a repository-relative path.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    /// <summary>An example of docs/formats.</summary>
    public static string Example(string name) => Path(System.IO.Path.Combine("docs", "formats", name));

    /// <summary>A file of tests/PowerTheory.Tests/IO/Formats/Data.</summary>
    public static string Data(string name) =>
        Path(System.IO.Path.Combine("tests", "PowerTheory.Tests", "IO", "Formats", "Data", name));
}

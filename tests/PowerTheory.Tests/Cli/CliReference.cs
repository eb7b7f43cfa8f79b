using System.CommandLine;
using System.Text;
using PowerTheory.Cli;
using PowerTheory.Cli.Common;

namespace PowerTheory.Tests.Cli;

/// <summary>
/// Generates docs/cli-reference.md from the commands' own help: <c>powertheory [command…] --help</c> for the root and every
/// command and subcommand, in the order of the command tree. <see cref="CliReferenceTests"/> fails when the file is stale
/// and rewrites it when <see cref="UpdateVariable"/> is set.
/// </summary>
internal static class CliReference
{
    /// <summary>Set this environment variable to 1 to rewrite docs/cli-reference.md instead of comparing it.</summary>
    public const string UpdateVariable = "POWERTHEORY_UPDATE_CLI_REFERENCE";

    /// <summary>The file, relative to the repository root.</summary>
    public const string RelativePath = "docs/cli-reference.md";

    /// <summary>The command that regenerates the file, for the staleness message and the file's header.</summary>
    public const string RegenerateCommand =
        UpdateVariable + "=1 dotnet test tests/PowerTheory.Tests -c Release --filter FullyQualifiedName~CliReferenceTests";

    /// <summary>The repository root: the first folder above the test output that holds PowerTheory.sln.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PowerTheory.sln"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "the repository root (PowerTheory.sln) was not found above the test output folder");
        return dir!.FullName;
    }

    /// <summary>The full text of the reference.</summary>
    public static string Generate()
    {
        var text = new StringBuilder();
        text.AppendLine("# powertheory command reference");
        text.AppendLine();
        text.AppendLine("<!-- Generated from the commands' own --help by tests/PowerTheory.Tests/Cli/CliReference.cs; do not edit.");
        text.AppendLine($"     Regenerate with: {RegenerateCommand} -->");
        text.AppendLine();
        text.AppendLine("Every command's `--help`, as the installed tool prints it. The guide to the commands, the JSON MDP format,");
        text.AppendLine("the output contracts and the exit codes is [cli.md](cli.md); the documentation index is [index.md](index.md).");
        var root = CliApp.CreateRootCommand(new CliContext(TextWriter.Null, TextWriter.Null));
        var commands = new List<string[]>();
        Walk(root, [], commands);
        text.AppendLine();
        text.AppendLine("Commands: " + string.Join(", ", commands.Skip(1).Select(c => $"[{string.Join(" ", c)}](#{Anchor(c)})")) + ".");
        foreach (var path in commands)
        {
            var run = CliRun.Of([.. path, "--help"]);
            if (run.ExitCode != 0 || run.Err.Length > 0)
                throw new InvalidOperationException($"'{string.Join(" ", path)} --help' exited {run.ExitCode}: {run.Err}");
            text.AppendLine();
            text.AppendLine($"## {string.Join(" ", [CliApp.ToolName, .. path])}");
            text.AppendLine();
            text.AppendLine("```text");
            foreach (var line in run.Out.Replace("\r", "").TrimEnd('\n').Split('\n')) text.AppendLine(line.TrimEnd());
            text.AppendLine("```");
        }
        return text.ToString();
    }

    private static void Walk(Command command, string[] path, List<string[]> into)
    {
        into.Add(path);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden)) Walk(sub, [.. path, sub.Name], into);
    }

    /// <summary>The GitHub anchor of a "## powertheory a b" heading.</summary>
    private static string Anchor(string[] path) => string.Join("-", [CliApp.ToolName, .. path]).ToLowerInvariant();
}

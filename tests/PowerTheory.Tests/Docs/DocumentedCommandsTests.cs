using System.Diagnostics;
using System.Text;
using PowerTheory.Plotting;
using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.Docs;

/// <summary>
/// Every command block of README.md and docs/*.md runs, through the built <c>powertheory</c> executable and a real
/// shell (so a quoting mistake in the docs fails here as it would for a reader): every <c>bash</c> block must succeed
/// line by line, and every <c>$ command</c> transcript must print what the page shows (<see cref="TranscriptMatch"/>).
/// Each page runs in its own empty folder in which <c>docs/</c>, <c>src/</c>, <c>examples/</c> and the build settings point into
/// the repository, so one block can use the files that an earlier block of the same page wrote.
/// Set <see cref="UpdateVariable"/>=1 to re-paste transcripts that have no elisions (then read the prose beside them).
/// </summary>
[NonParallelizable]
public class DocumentedCommandsTests
{
    private const string UpdateVariable = "POWERTHEORY_UPDATE_DOCS";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    public static IEnumerable<string> Pages()
    {
        var root = CliReference.RepositoryRoot();
        yield return "README.md";
        foreach (var f in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").OrderBy(f => f, StringComparer.Ordinal))
            yield return "docs/" + Path.GetFileName(f);
    }

    [Test]
    public void EveryPageIsCovered() =>
        Assert.That(Pages().Count(), Is.GreaterThanOrEqualTo(10), "README.md and docs/*.md were not found");

    [TestCaseSource(nameof(Pages))]
    public void EveryCommandOfThePageRunsAndPrintsWhatThePageShows(string page)
    {
        var root = CliReference.RepositoryRoot();
        var path = Path.Combine(root, page);
        var markdown = File.ReadAllText(path).Replace("\r\n", "\n");
        var blocks = DocBlock.Parse(page, markdown).ToList();
        var problems = new List<string>();
        var replacements = new List<(DocBlock Block, string NewText)>();
        int ran = 0;
        using var work = new TempDirectory();
        var bin = Path.Combine(work.Path, ".bin");
        Prepare(root, work.Path, bin);
        foreach (var block in blocks)
        {
            var transcripts = block.Transcripts();
            if (!block.IsShell && transcripts.Count == 0) continue; // a file format, a grammar, a table: not a command
            if (block.SkipReason is { } reason)
            {
                var commands = CommandLines(block).Where(l => l.StartsWith("powertheory ", StringComparison.Ordinal)
                                                             && l is not ("powertheory --version" or "powertheory --help"));
                if (commands.Any())
                    problems.Add($"{block.Where}: a block that runs powertheory commands cannot be skipped ('{reason}')");
                TestContext.Out.WriteLine($"{block.Where}: skipped: {reason}");
                continue;
            }
            if (UsesGraphviz(block) && !GraphvizRenderer.TryFindDot(out _)
                && Environment.GetEnvironmentVariable(Plotting.GraphvizRequirement.RequireVariable) != "1")
            {
                TestContext.Out.WriteLine($"{block.Where}: skipped: Graphviz 'dot' is not on the PATH");
                continue;
            }
            foreach (var setup in block.Setup)
            {
                var s = Shell(setup, work.Path, bin);
                if (s.Code != 0) problems.Add($"{block.Where}: setup '{setup}' exits {s.Code}: {s.Output.Trim()}");
            }
            if (block.IsShell)
            {
                ran++;
                var run = Shell("set -euo pipefail\n" + block.Text, work.Path, bin);
                if (run.Code != 0)
                    problems.Add($"{block.Where}: the block exits {run.Code}:\n{block.Text}--- its output:\n{Tail(run.Output)}");
                continue;
            }
            var newText = new StringBuilder();
            bool rewritable = true;
            foreach (var (command, expected, line) in transcripts)
            {
                ran++;
                var run = Shell("exec 2>&1\n" + command, work.Path, bin);
                var actual = TranscriptMatch.Lines(run.Output.Replace(root + "/", "").Replace(work.Path + "/", ""));
                if (!TranscriptMatch.Matches(expected, actual))
                {
                    problems.Add($"{page}:{line}: '$ {command}' printed (exit {run.Code}):\n{string.Join("\n", actual)}\n" +
                                 $"--- where the page shows:\n{string.Join("\n", expected)}");
                    if (TranscriptMatch.HasElision(expected)) rewritable = false;
                }
                newText.Append("$ ").Append(command).Append('\n');
                foreach (var l in TranscriptMatch.HasElision(expected) ? expected : actual) newText.Append(l).Append('\n');
            }
            if (rewritable && newText.ToString() != block.Text) replacements.Add((block, newText.ToString()));
        }
        TestContext.Out.WriteLine($"{page}: {ran} commands run");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && replacements.Count > 0)
        {
            foreach (var (block, text) in replacements.OrderByDescending(r => r.Block.Line))
            {
                int at = IndexOfLine(markdown, block.Line);
                int bodyStart = markdown.IndexOf('\n', at) + 1;
                markdown = markdown[..bodyStart] + text + markdown[(bodyStart + block.Text.Length)..];
            }
            File.WriteAllText(path, markdown);
            TestContext.Out.WriteLine($"{page}: re-pasted {replacements.Count} transcripts");
        }
        Assert.That(problems, Is.Empty, string.Join("\n\n", problems) +
            $"\n\n(Transcripts without elisions can be re-pasted with {UpdateVariable}=1.)");
    }

    private static int IndexOfLine(string text, int line)
    {
        int at = 0;
        for (int i = 1; i < line; i++) at = text.IndexOf('\n', at) + 1;
        return at;
    }

    private static IEnumerable<string> CommandLines(DocBlock block) =>
        block.Text.Split('\n').Select(l => l.Trim()).Select(l => l.StartsWith("$ ", StringComparison.Ordinal) ? l[2..] : l)
            .Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static bool UsesGraphviz(DocBlock block) =>
        CommandLines(block).Any(l => l.StartsWith("dot ", StringComparison.Ordinal) || l.Contains("&& dot ", StringComparison.Ordinal));

    private static void Prepare(string root, string work, string bin)
    {
        foreach (var folder in new[] { "docs", "src", "examples" })
            Directory.CreateSymbolicLink(Path.Combine(work, folder), Path.Combine(root, folder));
        // `dotnet run docs/tools/….cs` builds the library, which needs the repository's build settings beside it.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.CreateSymbolicLink(Path.Combine(work, file), Path.Combine(root, file));
        Directory.CreateDirectory(bin);
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "PowerTheory.Cli.exe" : "PowerTheory.Cli");
        if (!File.Exists(exe)) Assert.Fail($"the CLI app host {exe} is not in the test output folder");
        File.CreateSymbolicLink(Path.Combine(bin, "powertheory"), exe);
    }

    private static string Tail(string output)
    {
        var lines = TranscriptMatch.Lines(output);
        return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 15)));
    }

    private static (int Code, string Output) Shell(string script, string work, string bin)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["COLUMNS"] = "120";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {CommandTimeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

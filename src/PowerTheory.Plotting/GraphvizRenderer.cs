using System.Diagnostics;

namespace PowerTheory.Plotting;

/// <summary>Renders DOT text to SVG with Graphviz's <c>dot</c> program, when it is on the PATH.</summary>
public static class GraphvizRenderer
{
    /// <summary>How to install Graphviz, for messages when <c>dot</c> is missing.</summary>
    public const string InstallHint =
        "install Graphviz (Debian/Ubuntu: 'sudo apt-get install graphviz'; macOS: 'brew install graphviz'; " +
        "Windows: 'winget install graphviz') so that 'dot' is on the PATH";

    /// <summary>The longest a rendering may take before it is stopped, in milliseconds.</summary>
    public const int TimeoutMilliseconds = 120_000;

    /// <summary>Finds the <c>dot</c> executable on the PATH.</summary>
    /// <param name="path">Its full path when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryFindDot(out string path)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "dot.exe" } : new[] { "dot" };
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator,
                     StringSplitOptions.RemoveEmptyEntries))
        foreach (var name in names)
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                path = candidate;
                return true;
            }
        }
        path = "";
        return false;
    }

    /// <summary>Runs <c>dot -Tsvg</c> on <paramref name="dot"/> and writes the SVG to <paramref name="svgPath"/>.</summary>
    /// <exception cref="InvalidOperationException"><c>dot</c> is not on the PATH (the message says how to install
    /// it), failed (the message quotes its first error line) or took longer than <see cref="TimeoutMilliseconds"/>.</exception>
    public static void RenderSvg(string dot, string svgPath)
    {
        ArgumentNullException.ThrowIfNull(dot);
        ArgumentException.ThrowIfNullOrWhiteSpace(svgPath);
        if (!TryFindDot(out var exe))
            throw new InvalidOperationException($"Graphviz 'dot' is not on the PATH; {InstallHint}.");
        var full = Path.GetFullPath(svgPath);
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-Tsvg");
        info.ArgumentList.Add("-o");
        info.ArgumentList.Add(full);
        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"could not start Graphviz '{exe}'.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Graphviz 'dot' did not finish within {TimeoutMilliseconds / 1000} s.");
        }
        _ = stdout.Result;
        if (process.ExitCode != 0)
        {
            var first = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault() ?? "(no message)";
            throw new InvalidOperationException($"Graphviz 'dot' failed (exit code {process.ExitCode}): {first}");
        }
    }
}

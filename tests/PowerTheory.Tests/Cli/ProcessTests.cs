using System.Diagnostics;

namespace PowerTheory.Tests.Cli;

/// <summary>The real executable (Program.cs): exit codes and streams reach the calling process.</summary>
public class ProcessTests
{
    private static (int Code, string Out, string Err) RunExecutable(params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "PowerTheory.Cli.exe" : "PowerTheory.Cli");
        // The test project references PowerTheory.Cli, whose build copies its app host next to the tests; a missing
        // host is a build defect, not a reason to skip.
        if (!File.Exists(exe))
            Assert.Fail($"the CLI app host {exe} is not in the test output folder; the PowerTheory.Cli build should copy it there.");
        var info = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Test]
    public void SuccessExitsZeroWithResultsOnStdout()
    {
        var (code, stdout, stderr) = RunExecutable("values", "loop-vs-2-cycle", "-g", "0.5", "-r", "x=1,y=0", "-f", "csv");
        Assert.That(code, Is.EqualTo(0), stderr);
        // V*(x) = (r_x + γ·max(r_x, r_y))/(1−γ²) = 1.5/0.75 = 2.
        Assert.That(stdout.Split('\n')[1].Trim(), Is.EqualTo("x,2,stay"));
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public void ValidationErrorExitsOneWithOneLineOnStderr()
    {
        var (code, stdout, stderr) = RunExecutable("values", "loop-vs-2-cycle", "-g", "7", "-r", "*=1");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith("error: --gamma"));
    }
}

using PowerTheory.Cli;

namespace PowerTheory.Tests.Cli;

/// <summary>The captured outcome of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    /// <summary>Runs <c>powertheory args…</c> in-process, capturing standard output and error.</summary>
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The non-empty lines of standard error.</summary>
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The non-empty lines of standard output.</summary>
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts a clean failure: the exit code, exactly one <c>error: …</c> line naming every fragment, no stack trace.</summary>
    public void AssertCleanError(int expectedCode, params string[] fragments)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExitCode, Is.EqualTo(expectedCode), $"stderr: {Err}");
            Assert.That(ErrLines, Has.Length.EqualTo(1), $"stderr: {Err}");
            Assert.That(Err, Does.StartWith("error: "));
            Assert.That(Err, Does.Not.Contain("   at "));
            foreach (var f in fragments) Assert.That(Err, Does.Contain(f));
        });
    }
}

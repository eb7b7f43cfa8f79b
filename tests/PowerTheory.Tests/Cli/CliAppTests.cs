using PowerTheory.Cli;
using PowerTheory.Cli.Common;

namespace PowerTheory.Tests.Cli;

/// <summary>The entry point: help, version, and the mapping of failures to exit codes and one error line.</summary>
public class CliAppTests
{
    [Test]
    public void HelpListsCommandsAndExitsZero()
    {
        var run = CliRun.Of("--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain("powertheory").And.Contain("validate").And.Contain("values").And.Contain("env"));
    }

    [Test]
    public void ValuesHelpMentionsBuiltInNames()
    {
        var run = CliRun.Of("values", "--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out, Does.Contain("built-in environment").And.Contain("--reward-vector").And.Contain("--method"));
    }

    [Test]
    public void VersionExitsZero()
    {
        var run = CliRun.Of("--version");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Out.Trim(), Is.Not.Empty);
    }

    private static CliRun RunThrowing(Exception e)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(["boom"], stdout, stderr, _ =>
        {
            var command = new System.CommandLine.Command("boom");
            command.SetAction(new Func<System.CommandLine.ParseResult, int>(_ => throw e));
            return new System.CommandLine.Command("powertheory") { command };
        });
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void DomainErrorExitsTwo() =>
        RunThrowing(new CliDomainException("the condition cannot be checked")).AssertCleanError(2, "cannot be checked");

    [Test]
    public void SolverFailureExitsTwo() =>
        RunThrowing(new InvalidOperationException("did not converge\nwithin 10 sweeps")).AssertCleanError(2, "did not converge within 10 sweeps");

    [Test]
    public void LibraryArgumentErrorIsOneCleanLine() =>
        RunThrowing(new ArgumentOutOfRangeException("gamma", 1.5, "gamma must be in [0, 1); got 1.5."))
            .AssertCleanError(1, "gamma must be in [0, 1); got 1.5.");

    [Test]
    public void ArgumentErrorDropsParameterDecoration()
    {
        var run = RunThrowing(new ArgumentException("rewards must have one entry per state (8); got 7.", "rewards"));
        run.AssertCleanError(1, "one entry per state");
        Assert.That(run.Err, Does.Not.Contain("Parameter"));
    }

    [Test]
    public void UnexpectedExceptionIsReportedAsInternalErrorWithoutStackTrace() =>
        RunThrowing(new NullReferenceException("oops")).AssertCleanError(2, "internal error", "oops");
}

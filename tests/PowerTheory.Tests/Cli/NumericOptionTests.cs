namespace PowerTheory.Tests.Cli;

/// <summary>Every numeric option of every command, given hostile values, answers with one line that names the option,
/// its range and the value given — never the parser's type names, never a NaN in the output.</summary>
public class NumericOptionTests
{
    private static readonly (string[] Command, string Option, bool Whole)[] Options =
    [
        (["power", "optsp-fig1", "-g", "0.5"], "--samples", true),
        (["power", "optsp-fig1", "-g", "0.5", "-n", "10"], "--threads", true),
        (["tendencies", "optsp-fig1", "--state", "star", "-g", "0.5"], "--samples", true),
        (["tendencies", "optsp-fig1", "--state", "star", "-g", "0.5", "-n", "10"], "--threads", true),
        (["tendencies", "optsp-fig1", "--state", "star", "-g", "0.5", "-n", "10"], "--alpha", false),
        (["power", "optsp-fig1", "-g", "0.5", "-n", "10"], "--seconds", false),
        (["values", "optsp-fig1", "-g", "0.5", "-r", "*=1"], "--seconds", false),
        (["tendencies", "optsp-fig1", "--state", "star", "-g", "0.5", "-n", "10"], "--seconds", false),
        (["vertices", "optsp-fig1", "--state", "star"], "--budget", true),
        (["vertices", "optsp-fig1", "--state", "star"], "--seconds", false),
        (["vertices", "optsp-fig1", "--state", "star"], "--max-vertices", true),
        (["symmetry", "optsp-fig1", "--state", "star", "--action", "right", "--versus", "left"], "--budget", true),
        (["symmetry", "optsp-fig1", "--state", "star", "--action", "right", "--versus", "left"], "--seconds", false),
        (["orbit", "--theta", "1,2", "--a", "0", "--b", "1", "--rule", "optimal"], "--budget", true),
        (["orbit", "--theta", "1,2", "--a", "0", "--b", "1", "--rule", "optimal"], "--seconds", false),
        (["orbit", "--theta", "1,2", "--a", "0", "--b", "1", "--rule", "optimal"], "--samples", true),
        (["orbit", "--theta", "1,2", "--a", "0", "--b", "1", "--rule", "optimal"], "--seed", true),
        (["plot", "power-map", "grid3", "-g", "0.5", "-o", "/nonexistent-dir/x.png"], "--samples", true),
        (["plot", "power-map", "grid3", "-g", "0.5", "-o", "/nonexistent-dir/x.png"], "--seed", true),
        (["plot", "power-map", "grid3", "-g", "0.5", "-o", "/nonexistent-dir/x.png"], "--width", true),
        (["plot", "power-map", "grid3", "-g", "0.5", "-o", "/nonexistent-dir/x.png"], "--height", true),
        (["convert", "grid3", "/nonexistent-dir/x.dot", "--power", "0.5"], "--samples", true),
    ];

    private static readonly string[] Hostile = ["abc", "1.5", "2147483648", "99999999999999999999", "1e20", "NaN", "Infinity", "-Infinity", "-1", "0x10", ""];

    [Test]
    public void HostileValuesGetOneLineNamingTheOptionAndItsRange()
    {
        foreach (var (command, option, whole) in Options)
        foreach (var value in Hostile)
        {
            var run = CliRun.Of([.. command, option, value]);
            string where = $"powertheory {string.Join(' ', command)} {option} '{value}'";
            Assert.That(run.Err, Does.Not.Contain("System.").And.Not.Contain("expected type").And.Not.Contain("NaN ±"), where);
            Assert.That(run.Out, Does.Not.Contain("NaN"), where);
            bool isLong = option == "--budget" || command[0] == "orbit" && option == "--samples" || command[0] == "plot" && option == "--seed";
            bool acceptable = option == "--seconds" && value == "1.5" || isLong && value == "2147483648"; // a valid number of seconds / nodes
            if (acceptable) continue;
            Assert.That(run.ExitCode, Is.EqualTo(1), $"{where}: {run.Err}");
            var last = run.ErrLines[^1];
            Assert.That(last, Does.StartWith("error: ").And.Contain(option).And.Contain($"got '{value}'"), where);
            Assert.That(last, Does.Contain(whole ? "a whole number in [" : option == "--alpha" ? "a number in (0, 0.5]" : "seconds in ("), where);
            Assert.That(Directory.Exists("/nonexistent-dir"), Is.False, $"{where}: nothing may be created");
        }
    }

    [Test]
    public void RewardLawsBeyondWhatTheStatisticsCarryAreRefusedInWords()
    {
        var run = CliRun.Of("power", "optsp-fig1", "-g", "0.5", "-n", "50", "--reward", "uniform(0,1e160)");
        run.AssertCleanError(1, "beyond 1E+140", "rescale");
        var fine = CliRun.Of("power", "optsp-fig1", "-g", "0.5", "-n", "50", "--reward", "uniform(0,1e139)", "-f", "csv");
        Assert.That(fine.ExitCode, Is.EqualTo(0), fine.Err);
        Assert.That(fine.Out, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
    }
}

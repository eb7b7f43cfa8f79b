namespace PowerTheory.Tests.Cli;

/// <summary>The option families (discounts, sampling, rewards, budgets) are defined once and typed at parse time: a
/// malformed value is refused with one line naming the option before any file is read, and every command that takes
/// a family takes all of it.</summary>
public class OptionFamilyTests
{
    [TestCase("power", "--gamma", "x")]
    [TestCase("tendencies", "--gamma", "abc")]
    [TestCase("values", "--gamma", "abc")]
    [TestCase("vertices", "--gamma", "nan")]
    [TestCase("power", "--seed", "-1")]
    [TestCase("tendencies", "--seed", "1.5")]
    public void AMalformedValueIsRefusedBeforeTheModelIsRead(string command, string option, string value) =>
        // The model file does not exist: the option's error must come first, naming the option and the value.
        CliRun.Of(command, "/nonexistent/model.json", option, value).AssertCleanError(1, option, $"'{value}'");

    [Test]
    public void TendenciesAndPlotTakeTheWholeRewardFamily()
    {
        foreach (var command in new[] { "power", "tendencies", "plot power-map" })
        {
            var help = CliRun.Of([.. command.Split(' '), "--help"]).Out;
            foreach (var option in new[] { "--reward ", "--reward-state", "--tie" })
                Assert.That(help, Does.Contain(option), $"{command} --help lacks {option}");
        }
    }

    [Test]
    public void AKeyedLawGivesTheSameNumbersAsItsFunctionalForm()
    {
        var keyed = CliRun.Of("power", "optsp-fig1", "-g", "0.9", "-n", "200", "-s", "3", "--no-progress", "-f", "csv", "--reward", "beta:b=5,a=2");
        var functional = CliRun.Of("power", "optsp-fig1", "-g", "0.9", "-n", "200", "-s", "3", "--no-progress", "-f", "csv", "--reward", "beta(2,5)");
        Assert.That(keyed.ExitCode, Is.EqualTo(0), keyed.Err);
        Assert.That(keyed.Out, Is.EqualTo(functional.Out));
    }

    [Test]
    public void AKeyedBaseLawTakesPerStateLawsAndTiesLikeItsFunctionalForm()
    {
        string[] Run(string law) => [.. CliRun.Of("power", "optsp-fig1", "-g", "0.9", "-n", "200", "-s", "3", "--no-progress", "-f", "csv",
            "--reward", law, "--reward-state", "star=uniform(0,1)", "--tie", "l,r").OutLines];
        var functional = Run("beta(2,5)");
        Assert.That(functional.Length, Is.GreaterThan(1), "the functional form must run");
        Assert.That(Run("beta:a=2,b=5"), Is.EqualTo(functional));
    }
}

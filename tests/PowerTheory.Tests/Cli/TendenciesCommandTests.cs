using System.Text.Json;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory tendencies</c>: text and JSON output, reproducibility across threads, clean errors.</summary>
public class TendenciesCommandTests
{
    [Test]
    public void TextShowsEveryDecisionMakerTheVerdictsAndTheCertificate()
    {
        var run = CliRun.Of("tendencies", "shutdown", "--state", "r3c2", "--gamma", "0.9", "--decision",
            "optimal,boltzmann:T=0.1,horizon:H=1,aup:lambda=0.5,qlearning:episodes=20", "--avoid", "shutdown", "-n", "300", "--seed", "4");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("P(avoid)").And.Contain("boltzmann:T=0.1").And.Contain("qlearning:episodes=20")
            .And.Contain("random (baseline)").And.Contain("Cor 6.14").And.Contain("avoiding {shutdown}"));
        Assert.That(run.OutLines.Count(l => l.StartsWith("horizon:H=1: ", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void JsonIsBitIdenticalForOneAndTwoThreadsAndHasTheFigures()
    {
        string[] Args(string threads) => ["tendencies", "optsp-fig1", "--state", "star", "-g", "0.8", "-d", "optimal,epsilon-greedy:eps=0.2,sarsa:episodes=10",
            "-n", "1000", "-s", "9", "-t", threads, "-f", "json"];
        var one = CliRun.Of(Args("1"));
        var two = CliRun.Of(Args("2"));
        Assert.That(one.ExitCode, Is.EqualTo(0), one.Err);
        Assert.That(two.Out, Is.EqualTo(one.Out));
        using var doc = JsonDocument.Parse(one.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("state").GetString(), Is.EqualTo("star"));
        var makers = root.GetProperty("decisionMakers");
        Assert.That(makers.GetArrayLength(), Is.EqualTo(3));
        var eps = makers[1];
        Assert.That(eps.GetProperty("name").GetString(), Is.EqualTo("epsilon-greedy:eps=0.2"));
        double sum = eps.GetProperty("actions").EnumerateArray().Sum(a => a.GetProperty("probability").GetDouble());
        Assert.That(sum, Is.EqualTo(1).Within(1e-12));
        Assert.That(eps.GetProperty("power").GetArrayLength(), Is.EqualTo(8));
        Assert.That(root.GetProperty("optimal").GetProperty("verdict").GetString(), Is.EqualTo("Holds"));
        Assert.That(root.GetProperty("optimal").GetProperty("samplesNeeded").ValueKind, Is.EqualTo(JsonValueKind.Null));
        // m = 3 actions for the favoured one + 2 × 2 other decision-makers; z* = Φ⁻¹(1 − 0.05/14) = 2.6901.
        var significance = root.GetProperty("significance");
        Assert.That(significance.GetProperty("comparisons").GetInt32(), Is.EqualTo(7));
        Assert.That(significance.GetProperty("criticalZ").GetDouble(), Is.EqualTo(2.6901).Within(1e-4));
    }

    [Test]
    public void SatisficerFallbacksAreWarnedOnStderr()
    {
        var run = CliRun.Of("tendencies", "maze7", "--state", "r0c0", "-g", "0.9", "-d", "satisfice:q=1:budget=2", "-n", "50");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Does.Contain("warning: satisfice:q=1:budget=2:").And.Contain("approximated"));
    }

    [TestCase(new[] { "--decision", "boltzmann" }, "--decision", "needs T=VALUE")]
    [TestCase(new[] { "--decision", "nonsense" }, "unknown decision-maker 'nonsense'")]
    [TestCase(new[] { "--avoid", "nowhere" }, "--avoid: unknown state 'nowhere'")]
    [TestCase(new[] { "--gamma", "1", "--decision", "boltzmann:T=1" }, "needs γ in (0, 1)")]
    [TestCase(new[] { "--decision", "aup:lambda=1:noop=wait" }, "no no-op action 'wait'")]
    [TestCase(new[] { "-f", "csv" }, "text or json")]
    [TestCase(new[] { "--seed", "-5" }, "--seed must be a whole number")]
    [TestCase(new[] { "--threads", "0" }, "--threads must be a whole number in [1, 1024]; got '0'")]
    public void BadInputsFailCleanly(string[] extra, params string[] fragments)
    {
        var args = new List<string> { "tendencies", "shutdown", "--state", "r3c2", "-n", "20" };
        args.AddRange(extra);
        if (!extra.Contains("--gamma")) args.AddRange(["--gamma", "0.9"]);
        CliRun.Of(args.ToArray()).AssertCleanError(1, fragments);
    }

    [Test]
    public void UnknownStateFailsCleanly() =>
        CliRun.Of("tendencies", "shutdown", "--state", "nowhere", "-g", "0.9").AssertCleanError(1, "--state: unknown state 'nowhere'");
}

using System.Globalization;
using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory values</c>: output checked against the library's policy iteration and closed forms.</summary>
public class ValuesCommandTests
{
    private static double[] IndicatorReward(Mdp mdp, string state)
    {
        var r = new double[mdp.StateCount];
        r[mdp.StateIndex(state)] = 1;
        return r;
    }

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(0.9)]
    public void JsonMatchesPolicyIterationOnFigure1(double gamma)
    {
        var mdp = PaperMdps.OptspFigure1();
        var g = gamma.ToString("R", CultureInfo.InvariantCulture);
        var run = CliRun.Of("values", "optsp-fig1", "--gamma", g, "--reward-vector", "r_ne=1,*=0", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Err, Is.Empty);

        var expected = PolicyIteration.Solve(mdp, IndicatorReward(mdp, "r_ne"), gamma);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("gamma").GetDouble(), Is.EqualTo(gamma));
        var states = root.GetProperty("states");
        Assert.That(states.GetArrayLength(), Is.EqualTo(mdp.StateCount));
        var policy = root.GetProperty("policy");
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var entry = states[s];
            Assert.That(entry.GetProperty("state").GetString(), Is.EqualTo(mdp.StateNames[s]));
            // Round-trip formatting: the printed number parses back to the very same double.
            Assert.That(entry.GetProperty("value").GetDouble(), Is.EqualTo(expected[s]));
            var optimal = entry.GetProperty("optimalActions").EnumerateArray().Select(a => a.GetString()).ToArray();
            Assert.That(optimal, Is.EqualTo(expected.OptimalActions(s).Select(a => mdp.ActionName(s, a)).ToArray()));
            var chosen = policy.GetProperty(mdp.StateNames[s]).GetString()!;
            Assert.That(chosen, Is.EqualTo(mdp.ActionName(s, expected.Policy[s])));
            Assert.That(expected.IsOptimal(s, mdp.ActionIndex(s, chosen)), Is.True);
        }
        // Closed form (docs/theory.md §4.1): with r = 1{r_ne}, star → r → r_ne and stay: V*(star) = γ²/(1−γ).
        Assert.That(states[mdp.StateIndex("star")].GetProperty("value").GetDouble(),
            Is.EqualTo(gamma * gamma / (1 - gamma)).Within(1e-12));
    }

    [Test]
    public void JsonIsStableAcrossRuns()
    {
        string[] args = ["values", "gamble-or-safe", "-g", "0.7", "-r", "t1=0.3,t2=0.9,t3=0.55,s0=0", "-f", "json"];
        var first = CliRun.Of(args);
        var second = CliRun.Of(args);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Err);
        Assert.That(second.Out, Is.EqualTo(first.Out));
    }

    [Test]
    public void ValueIterationAgreesWithPolicyIterationWithinAccuracy()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Maze7);
        var rng = new Random(7);
        var r = Enumerable.Range(0, mdp.StateCount).Select(_ => rng.NextDouble()).ToArray();
        var vector = string.Join(",", mdp.StateNames.Select((n, s) => $"{n}={r[s].ToString("R", CultureInfo.InvariantCulture)}"));
        var run = CliRun.Of("values", "maze7", "-g", "0.95", "-r", vector, "-m", "value-iteration", "--accuracy", "1e-9", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var exact = PolicyIteration.Solve(mdp, r, 0.95);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetProperty("method").GetString(), Is.EqualTo("value-iteration"));
        var states = doc.RootElement.GetProperty("states");
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(states[s].GetProperty("value").GetDouble(), Is.EqualTo(exact[s]).Within(1e-9));
    }

    [Test]
    public void CsvHasHeaderAndOneRowPerStateWithRoundTripValues()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var run = CliRun.Of("values", "gamble-or-safe", "-g", "0.9", "-r", "s0=0,t1=0.2,t2=1,t3=0.5", "-f", "csv");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var lines = run.OutLines;
        Assert.That(lines[0], Is.EqualTo("state,value,action"));
        Assert.That(lines, Has.Length.EqualTo(mdp.StateCount + 1));
        var expected = PolicyIteration.Solve(mdp, new[] { 0, 0.2, 1, 0.5 }, 0.9);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var cells = lines[s + 1].Split(',');
            Assert.That(cells, Has.Length.EqualTo(3));
            Assert.That(cells[0], Is.EqualTo(mdp.StateNames[s]));
            Assert.That(double.Parse(cells[1], CultureInfo.InvariantCulture), Is.EqualTo(expected[s]));
            Assert.That(cells[2], Is.EqualTo(mdp.ActionName(s, expected.Policy[s])));
        }
        // The gamble's expected value (0.2+1)/2 = 0.6 beats the safe 0.5 at γ = 0.9.
        Assert.That(lines[1], Does.EndWith(",gamble"));
    }

    [Test]
    public void TextPrintsOneTableRowPerStateWithOptimalActions()
    {
        var run = CliRun.Of("values", "optsp-fig1", "-g", "0.9", "-r", "r_ne=1,*=0");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("gamma = 0.9").And.Contain("policy-iteration"));
        var starRow = run.OutLines.Single(l => l.StartsWith("star ", StringComparison.Ordinal));
        Assert.That(starRow, Does.Contain("8.1").And.Contain("right"));
        // Ties are all listed: from l both sw and nw reach zero reward forever.
        var lRow = run.OutLines.Single(l => l.StartsWith("l ", StringComparison.Ordinal));
        Assert.That(lRow, Does.Contain("sw, nw"));
    }

    [Test]
    public void RewardsFileGammaFromMdpFileAndRewardsFieldAreUsed()
    {
        using var dir = new TempDirectory();
        var mdp = PaperMdps.GambleOrSafe();
        var mdpPath = dir.Write("gos.json", MdpJson.ToJson(new MdpDocument(mdp, gamma: 0.8, rewards: new[] { 0.0, 0.0, 1.0, 0.7 })));
        var rewardsPath = dir.Write("r.json", """{"s0": 0, "t1": 1, "t2": 1, "t3": 0}""");
        var expectedFromField = PolicyIteration.Solve(mdp, new[] { 0.0, 0.0, 1.0, 0.7 }, 0.8);
        var expectedFromFile = PolicyIteration.Solve(mdp, new[] { 0.0, 1.0, 1.0, 0.0 }, 0.8);

        var fromField = CliRun.Of("values", mdpPath, "-f", "csv");
        Assert.That(fromField.ExitCode, Is.EqualTo(0), fromField.Err);
        Assert.That(fromField.OutLines[1], Is.EqualTo(
            $"s0,{expectedFromField[0].ToString("R", CultureInfo.InvariantCulture)},safe"));

        var fromFile = CliRun.Of("values", mdpPath, "--rewards", rewardsPath, "-f", "csv");
        Assert.That(fromFile.ExitCode, Is.EqualTo(0), fromFile.Err);
        Assert.That(fromFile.OutLines[1], Is.EqualTo(
            $"s0,{expectedFromFile[0].ToString("R", CultureInfo.InvariantCulture)},gamble"));
    }

    [Test]
    public void StateNamesWithCommasAreQuotedInCsv()
    {
        using var dir = new TempDirectory();
        var mdp = new MdpBuilder().AddStates("a,b", "c").AddAction("a,b", "go", "c").AddAction("c", "stay", "c").Build();
        var path = dir.Write("comma.json", MdpJson.ToJson(new MdpDocument(mdp, rewards: new[] { 1.0, 2.0 })));
        var run = CliRun.Of("values", path, "-g", "0.5", "-f", "csv");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        Assert.That(run.OutLines[1], Is.EqualTo("\"a,b\",3,go"));
    }
}

using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.Polytope;
using PowerTheory.Power;

namespace PowerTheory.Tests.Cli;

/// <summary><c>powertheory power</c> and <c>powertheory vertices</c>: the JSON contract of docs/cli.md, checked against
/// the library and the closed forms of docs/theory.md §4.1.</summary>
public class PowerCommandTests
{
    [Test]
    public void PowerJsonMatchesLibraryAndClosedForm()
    {
        var run = CliRun.Of("power", "optsp-fig1", "--gamma", "0.5", "--samples", "3000", "--seed", "7", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var mdp = PaperMdps.OptspFigure1();
        var expected = new PowerEstimator(mdp).Estimate(0.5, new PowerOptions { Samples = 3000, Seed = 7 });
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("samples").GetInt32(), Is.EqualTo(3000));
        Assert.That(root.GetProperty("seed").GetInt32(), Is.EqualTo(7));
        Assert.That(root.GetProperty("reward").GetString(), Is.EqualTo("uniform(0,1)"));
        var states = root.GetProperty("states");
        Assert.That(states.GetArrayLength(), Is.EqualTo(mdp.StateCount));
        for (int s = 0; s < mdp.StateCount; s++)
        {
            Assert.That(states[s].GetProperty("state").GetString(), Is.EqualTo(mdp.StateNames[s]));
            Assert.That(states[s].GetProperty("power").GetDouble(), Is.EqualTo(expected.Power(s).Mean));
            Assert.That(states[s].GetProperty("stderr").GetDouble(), Is.EqualTo(expected.Power(s).StandardError));
            Assert.That(states[s].GetProperty("ci95").GetArrayLength(), Is.EqualTo(2));
        }
        // POWER(l_sw, 0.5) = (4 + 1.5)/(6·1.5) = 0.6111… (docs/theory.md §4.1 (c)), within 4 standard errors.
        var lsw = states[mdp.StateIndex("l_sw")];
        Assert.That(lsw.GetProperty("power").GetDouble(),
            Is.EqualTo(5.5 / 9).Within(4 * lsw.GetProperty("stderr").GetDouble()));
        var actions = root.GetProperty("actions");
        Assert.That(actions.GetArrayLength(), Is.EqualTo(mdp.StateActionCount));
        // Every optimality probability is the library's, bit for bit; a state with one action has it optimal in every
        // sample (exactly 1), and at every state some action is optimal in every sample, so the probabilities sum to ≥ 1.
        for (int s = 0, k = 0; s < mdp.StateCount; s++)
        {
            double sum = 0;
            for (int a = 0; a < mdp.ActionCount(s); a++, k++)
            {
                double p = actions[k].GetProperty("optimalityProbability").GetDouble();
                Assert.That(p, Is.EqualTo(expected.OptimalityProbability(s, a).Mean), $"{mdp.StateNames[s]}/{mdp.ActionName(s, a)}");
                sum += p;
            }
            if (mdp.ActionCount(s) == 1) Assert.That(sum, Is.EqualTo(1.0), mdp.StateNames[s]);
            Assert.That(sum, Is.GreaterThanOrEqualTo(1.0 - 1e-12), mdp.StateNames[s]);
        }
    }

    [Test]
    public void SeveralDiscountsGiveAnArray()
    {
        var run = CliRun.Of("power", "terminal-options-3", "--gamma", "0,0.5,1", "-n", "500", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(doc.RootElement.GetArrayLength(), Is.EqualTo(3));
        Assert.That(doc.RootElement[2].GetProperty("gamma").GetDouble(), Is.EqualTo(1.0));
    }

    [Test]
    public void TextAndCsvFormatsListEveryState()
    {
        var text = CliRun.Of("power", "optsp-fig1", "-g", "0.9", "-n", "200");
        Assert.That(text.ExitCode, Is.EqualTo(0), text.Err);
        Assert.That(text.Out, Does.Contain("r_ne").And.Contain("95% interval"));
        var csv = CliRun.Of("power", "optsp-fig1", "-g", "0.9", "-n", "200", "-f", "csv");
        Assert.That(csv.ExitCode, Is.EqualTo(0), csv.Err);
        Assert.That(csv.OutLines, Has.Length.EqualTo(1 + 8));
        Assert.That(csv.OutLines[0], Is.EqualTo("gamma,state,power,stderr,ci95_low,ci95_high"));
    }

    [TestCase("1.5", "--gamma")]
    [TestCase("abc", "--gamma")]
    public void BadDiscountIsAUsageError(string gamma, string fragment) =>
        CliRun.Of("power", "optsp-fig1", "--gamma", gamma).AssertCleanError(1, fragment);

    [Test]
    public void UnboundedRewardIsRefusedWithTheReason() =>
        CliRun.Of("power", "optsp-fig1", "-g", "0.5", "--reward", "normal(0,1)").AssertCleanError(1, "bounded");

    [Test]
    public void MalformedRewardSpecIsAUsageError() =>
        CliRun.Of("power", "optsp-fig1", "-g", "0.5", "--reward", "uniform(0,").AssertCleanError(1, "--reward");

    [Test]
    public void TooFewSamplesIsAUsageError() =>
        CliRun.Of("power", "optsp-fig1", "-g", "0.5", "-n", "1").AssertCleanError(1, "--samples");

    [Test]
    public void VerticesJsonMatchesLibrary()
    {
        var run = CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("state").GetString(), Is.EqualTo("star"));
        // docs/theory.md §4.1 (e): |F(⋆)| = 11, |F_nd(⋆)| = 5.
        Assert.That(root.GetProperty("visitDistributionCount").GetInt32(), Is.EqualTo(11));
        Assert.That(root.GetProperty("nonDominatedCount").GetInt32(), Is.EqualTo(5));
        Assert.That(root.GetProperty("nonDominated").GetArrayLength(), Is.EqualTo(5));
        Assert.That(root.GetProperty("nonDominated")[0].GetProperty("policy").GetProperty("star").GetString(), Is.Not.Null);
    }

    [Test]
    public void VerticesAllStatesAverageMatchesLibrary()
    {
        var run = CliRun.Of("vertices", "optsp-fig1", "--all-states", "--average", "-f", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        var expected = VertexReport.AverageForAllStates(PaperMdps.OptspFigure1());
        using var doc = JsonDocument.Parse(run.Out);
        Assert.That(doc.RootElement.GetArrayLength(), Is.EqualTo(expected.Count));
        for (int i = 0; i < expected.Count; i++)
            Assert.That(doc.RootElement[i].GetProperty("nonDominatedCount").GetInt32(), Is.EqualTo(expected[i].NonDominatedCount));
    }

    [Test]
    public void VerticesNeedsExactlyOneOfStateAndAllStates()
    {
        CliRun.Of("vertices", "optsp-fig1").AssertCleanError(1, "--state");
        CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--all-states").AssertCleanError(1, "--all-states");
        CliRun.Of("vertices", "optsp-fig1", "--state", "nope").AssertCleanError(1, "nope");
        CliRun.Of("vertices", "optsp-fig1", "--state", "star", "--gamma", "0.5", "--average").AssertCleanError(1, "--average");
    }

    [Test]
    public void FastPathOptionGivesTheSameJsonUpToRounding()
    {
        var plain = CliRun.Of("power", "gamble-or-safe", "-g", "0.9,1", "-n", "400", "-f", "json");
        var fast = CliRun.Of("power", "gamble-or-safe", "-g", "0.9,1", "-n", "400", "-f", "json", "--nd-fast-path");
        Assert.That(fast.ExitCode, Is.EqualTo(0), fast.Err);
        using var a = JsonDocument.Parse(plain.Out);
        using var b = JsonDocument.Parse(fast.Out);
        for (int g = 0; g < 2; g++)
            for (int s = 0; s < 4; s++)
                Assert.That(b.RootElement[g].GetProperty("states")[s].GetProperty("power").GetDouble(),
                    Is.EqualTo(a.RootElement[g].GetProperty("states")[s].GetProperty("power").GetDouble()).Within(1e-9));
    }

    [Test]
    public void TheJsonCarriesTheCertificationAndNearTiesAreWarnedAbout()
    {
        // s chooses t (worth 0.1 per step) or a fair coin between u (0.3) and w (−0.1): a true tie that rounding splits.
        using var dir = new TempDirectory();
        string path = dir.Write("tie.json", """
            {"states":["s","t","u","w"],"transitions":{"s":{"direct":"t","mixed":{"u":0.5,"w":0.5}},
             "t":{"stay":"t"},"u":{"stay":"u"},"w":{"stay":"w"}}}
            """);
        var run = CliRun.Of("power", path, "-g", "0.9", "-n", "20", "-f", "json", "--reward", "point(0)",
            "--reward-state", "t=point(0.1)", "--reward-state", "u=point(0.3)", "--reward-state", "w=point(-0.1)");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var c = doc.RootElement.GetProperty("certification");
        Assert.That(c.GetProperty("nearTies").GetInt64(), Is.EqualTo(20), "one split tie per sample");
        Assert.That(c.GetProperty("maxValueErrorBound").GetDouble(), Is.GreaterThan(0).And.LessThan(1e-9));
        Assert.That(c.GetProperty("uncertifiedSamples").GetInt64(), Is.Zero);
        Assert.That(run.Err, Does.Contain("warning: 20 (sample, state, action) case(s)"));
        var actions = doc.RootElement.GetProperty("actions").EnumerateArray().Where(a => a.GetProperty("state").GetString() == "s").ToArray();
        Assert.That(actions.Select(a => a.GetProperty("optimalityProbability").GetDouble()), Is.All.EqualTo(1.0), "both tied actions count as optimal");
    }
}

using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.IO.Json;

namespace PowerTheory.Tests.IO.Json;

/// <summary>The JSON contract of docs/cli.md for <c>powertheory power</c>.</summary>
public class PowerResultJsonTests
{
    [Test]
    public void OneGammaIsAnObjectWithTheContractFields()
    {
        var mdp = PaperMdps.OptspFigure1();
        var result = new PowerEstimator(mdp).Estimate(new[] { 0.9 }, new PowerOptions { Samples = 200, Seed = 7 });
        using var doc = JsonDocument.Parse(PowerResultJson.ToJson(result));
        var root = doc.RootElement;
        Assert.That(root.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(root.GetProperty("gamma").GetDouble(), Is.EqualTo(0.9));
        Assert.That(root.GetProperty("samples").GetInt32(), Is.EqualTo(200));
        Assert.That(root.GetProperty("seed").GetUInt64(), Is.EqualTo(7UL));
        Assert.That(root.GetProperty("reward").GetString(), Is.EqualTo("uniform(0,1)"));
        var states = root.GetProperty("states");
        Assert.That(states.GetArrayLength(), Is.EqualTo(mdp.StateCount));
        var l = states.EnumerateArray().Single(s => s.GetProperty("state").GetString() == "l_sw");
        var expected = result.ByGamma[0].Power("l_sw");
        Assert.That(l.GetProperty("power").GetDouble(), Is.EqualTo(expected.Mean));
        Assert.That(l.GetProperty("stderr").GetDouble(), Is.EqualTo(expected.StandardError));
        Assert.That(l.GetProperty("ci95")[0].GetDouble(), Is.EqualTo(expected.Ci95Lower));
        Assert.That(l.GetProperty("ci95")[1].GetDouble(), Is.EqualTo(expected.Ci95Upper));
        var actions = root.GetProperty("actions");
        Assert.That(actions.GetArrayLength(), Is.EqualTo(mdp.StateActionCount));
        var right = actions.EnumerateArray().Single(a => a.GetProperty("state").GetString() == "star" && a.GetProperty("action").GetString() == "right");
        Assert.That(right.GetProperty("optimalityProbability").GetDouble(), Is.EqualTo(result.ByGamma[0].OptimalityProbability("star", "right").Mean));
        Assert.That(root.TryGetProperty("comparisons", out _), Is.False);
    }

    [Test]
    public void SeveralGammasAreAnArrayInRequestOrder()
    {
        var result = new PowerEstimator(PaperMdps.TerminalOptions(2)).Estimate(new[] { 0, 0.5, 1 }, new PowerOptions
        {
            Samples = 100, Comparisons = new[] { new PowerComparisonRequest(0, 0, 1) },
        });
        using var doc = JsonDocument.Parse(PowerResultJson.ToJson(result, indented: true));
        Assert.That(doc.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(doc.RootElement.EnumerateArray().Select(e => e.GetProperty("gamma").GetDouble()), Is.EqualTo(new[] { 0, 0.5, 1 }));
        Assert.That(doc.RootElement[1].GetProperty("comparisons")[0].GetProperty("verdict").GetString(), Is.Not.Empty);
    }
}

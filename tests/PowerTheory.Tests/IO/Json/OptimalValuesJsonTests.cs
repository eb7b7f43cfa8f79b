using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.IO.Json;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.IO.Json;

/// <summary>The <c>values</c> JSON contract: every field present, numbers round-trip, the optimal-action lists come from
/// the result (checked against Q* recomputed from the values).</summary>
public class OptimalValuesJsonTests
{
    [Test]
    public void ContractCarriesValuesActionsAndPolicy()
    {
        var mdp = PaperMdps.OptspFigure1();
        var r = Enumerable.Range(0, mdp.StateCount).Select(s => s % 3 == 0 ? 1.0 : 0.0).ToArray();
        var result = PolicyIteration.Solve(mdp, r, 0.5);
        using var doc = JsonDocument.Parse(OptimalValuesJson.ToJson(result));
        var root = doc.RootElement;
        Assert.That(root.GetProperty("gamma").GetDouble(), Is.EqualTo(0.5));
        Assert.That(root.GetProperty("method").GetString(), Is.EqualTo("policy-iteration"));
        Assert.That(root.GetProperty("degradations").EnumerateObject(), Is.Empty);
        var states = root.GetProperty("states").EnumerateArray().ToArray();
        Assert.That(states, Has.Length.EqualTo(mdp.StateCount));
        var q = PolicyEvaluation.ActionValues(mdp, r, result.Values.ToArray(), 0.5);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            Assert.That(states[s].GetProperty("state").GetString(), Is.EqualTo(mdp.StateNames[s]));
            Assert.That(states[s].GetProperty("value").GetDouble(), Is.EqualTo(result[s]));
            Assert.That(states[s].GetProperty("reward").GetDouble(), Is.EqualTo(r[s]));
            double best = Enumerable.Range(0, mdp.ActionCount(s)).Max(a => q[mdp.FirstStateAction(s) + a]);
            var expected = Enumerable.Range(0, mdp.ActionCount(s)).Where(a => q[mdp.FirstStateAction(s) + a] >= best - 1e-9)
                .Select(a => mdp.ActionName(s, a));
            Assert.That(states[s].GetProperty("optimalActions").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(expected));
            string chosen = root.GetProperty("policy").GetProperty(mdp.StateNames[s]).GetString()!;
            Assert.That(expected, Does.Contain(chosen));
        }
    }
}

using PowerTheory.Environments;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>The DOT diagram writer: one node per state, one edge per deterministic action, a point node and one
/// edge per successor for a stochastic action, and value colours ordered from pale to dark.</summary>
public class DotFormatTests
{
    [Test]
    public void DrawsEveryStateActionAndOutcome()
    {
        var mdp = BuiltInEnvironments.Create("gamble-or-safe");
        var statements = DotReader.Parse(DotFormat.Write(mdp));
        var edges = statements.Where(s => s.To is not null).ToList();
        // 4 deterministic actions → 4 edges; the gamble → 1 edge to its point + 2 outcome edges.
        Assert.That(edges, Has.Count.EqualTo(4 + 1 + 2));
        Assert.That(edges.Count(e => e.Attributes.TryGetValue("label", out var l) && l == "0.5"), Is.EqualTo(2));
        Assert.That(statements.Count(s => s.To is null && s.Attributes.ContainsKey("label") && mdp.TryGetStateIndex(s.From, out _)), Is.EqualTo(4));
    }

    [Test]
    public void ColoursFollowTheValues()
    {
        var mdp = BuiltInEnvironments.Create("terminal-options-3");
        var values = new Dictionary<string, double> { ["s"] = 0.75, ["t1"] = 0.1, ["t2"] = 0.5, ["t3"] = 0.9 };
        var fill = DotReader.Parse(DotFormat.Write(mdp, values, "POWER"))
            .Where(s => s.To is null && s.Attributes.ContainsKey("fillcolor"))
            .ToDictionary(s => s.From, s => s.Attributes["fillcolor"]);
        Assert.That(fill["t1"], Is.EqualTo(DotFormat.Colour(0)));
        Assert.That(fill["t3"], Is.EqualTo(DotFormat.Colour(1)));
        // Darker (smaller green channel) for larger values.
        int Green(string c) => Convert.ToInt32(c.Substring(3, 2), 16);
        Assert.That(new[] { "t1", "t2", "s", "t3" }.Select(s => Green(fill[s])), Is.Ordered.Descending);
        Assert.Throws<ArgumentException>(() => DotFormat.Write(mdp, new Dictionary<string, double> { ["nope"] = 1 }));
    }
}

using System.Text.RegularExpressions;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Plotting;

namespace PowerTheory.Tests.Plotting;

public partial class MdpDiagramTests
{
    [GeneratedRegex("""^\s*"((?:\\.|[^"\\])*)" -> "((?:\\.|[^"\\])*)"(?: \[(.*)\])?;$""")]
    private static partial Regex Edge();

    [GeneratedRegex("""label="((?:\\.|[^"\\])*)"|label=([0-9.]+)""")]
    private static partial Regex Label();

    private static string Unquote(string id) => id.Replace("\\\"", "\"").Replace("\\\\", "\\");

    [Test]
    public void ADeterministicMdpHasOneLabelledEdgePerAction()
    {
        // Oracle: the (state, action, successor) triples read back from the DOT text equal those enumerated from the MDP.
        var mdp = PaperMdps.OptspFigure1();
        var dot = MdpDiagram.ToDot(mdp);
        var read = dot.Split('\n').Select(l => Edge().Match(l)).Where(m => m.Success)
            .Select(m => (From: m.Groups[1].Value, Action: Label().Match(m.Groups[3].Value).Groups[1].Value, To: m.Groups[2].Value))
            .OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
        var expected = new List<(string, string, string)>();
        for (int s = 0; s < mdp.StateCount; s++)
        for (int a = 0; a < mdp.ActionCount(s); a++)
            expected.Add((mdp.StateNames[s], mdp.ActionName(s, a), mdp.StateNames[mdp.Successors(mdp.StateActionIndex(s, a))[0]]));
        Assert.That(read, Is.EqualTo(expected.OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList()));
        Assert.That(dot, Does.StartWith("digraph \"optsp-fig1\" {"));
    }

    [Test]
    public void AStochasticActionBranchesThroughAPointWithItsProbabilities()
    {
        var dot = MdpDiagram.ToDot(PaperMdps.GambleOrSafe());
        var edges = dot.Split('\n').Select(l => Edge().Match(l)).Where(m => m.Success).ToList();
        var toPoint = edges.Single(m => m.Groups[1].Value == "s0" && m.Groups[3].Value.Contains("\"gamble\""));
        string point = toPoint.Groups[2].Value;
        Assert.That(dot, Does.Contain($"\"{point}\" [shape=point"));
        var branches = edges.Where(m => m.Groups[1].Value == point)
            .Select(m => (m.Groups[2].Value, Label().Match(m.Groups[3].Value).Groups[1].Value, m.Groups[3].Value.Contains("dashed")))
            .OrderBy(t => t.Item1).ToList();
        Assert.That(branches, Is.EqualTo(new[] { ("t1", "0.5", true), ("t2", "0.5", true) }));
        Assert.That(edges.Any(m => m.Groups[1].Value == "s0" && m.Groups[2].Value == "t3" && m.Groups[3].Value.Contains("\"safe\"")));
    }

    [Test]
    public void NamesAreQuotedAndPowerColoursRunFromPaleToDark()
    {
        var mdp = new MdpBuilder("odd \"name\"").AddStates("a\"b", "c\\d")
            .AddAction("a\"b", "go", "c\\d").AddAction("c\\d", "stay", "c\\d").Build();
        var dot = MdpDiagram.ToDot(mdp, [0.25, 0.75]);
        var edge = dot.Split('\n').Select(l => Edge().Match(l)).Single(m => m.Success && m.Groups[3].Value.Contains("\"go\""));
        Assert.That((Unquote(edge.Groups[1].Value), Unquote(edge.Groups[2].Value)), Is.EqualTo(("a\"b", "c\\d")));
        // The lowest POWER gets the palest fill (#FFF5C0, dark text), the highest the darkest (#9E1B1B, white text).
        Assert.That(dot, Does.Contain("fillcolor=\"#FFF5C0\", fontcolor=\"black\", label=\"a\\\"b\\n0.25\""));
        Assert.That(dot, Does.Contain("fillcolor=\"#9E1B1B\", fontcolor=\"white\", label=\"c\\\\d\\n0.75\""));
        Assert.That(dot, Does.Contain("POWER: 0.25 (pale) to 0.75 (dark)"));
        Assert.Throws<ArgumentException>(() => MdpDiagram.ToDot(mdp, [0.5]));
        var e = Assert.Throws<ArgumentException>(() => MdpDiagram.ToDot(mdp, [0.5, double.NaN]));
        Assert.That(e!.Message, Does.Contain("c\\d"));
    }

    [Test]
    public void GraphvizRendersTheDiagramWhenDotIsInstalled()
    {
        GraphvizRequirement.RequireDot();
        var path = Path.Combine(Path.GetTempPath(), "powertheory-diagram-" + Guid.NewGuid().ToString("N") + ".svg");
        try
        {
            GraphvizRenderer.RenderSvg(MdpDiagram.ToDot(PaperMdps.GambleOrSafe()), path);
            var texts = ImageCheck.SvgTexts(path);
            Assert.That(texts, Does.Contain("s0").And.Contain("t3").And.Contain("gamble").And.Contain("0.5"));
            var e = Assert.Throws<InvalidOperationException>(() => GraphvizRenderer.RenderSvg("digraph { a -> ; }", path));
            Assert.That(e!.Message, Does.Contain("Graphviz 'dot' failed"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

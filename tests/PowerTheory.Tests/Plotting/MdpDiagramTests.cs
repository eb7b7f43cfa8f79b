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
        Assert.That(dot, Does.Contain("\"s0/gamble\" [shape=point"));
        Assert.That(dot, Does.Contain("\"s0\" -> \"s0/gamble\" [arrowhead=none];"));
        Assert.That(dot, Does.Contain("\"s0/gamble\" -> \"t1\" [label=\"0.5\", style=dashed];"));
        Assert.That(dot, Does.Contain("\"s0/gamble\" -> \"t2\" [label=\"0.5\", style=dashed];"));
        Assert.That(dot, Does.Contain("\"s0\" -> \"t3\" [label=\"safe\"];"));
    }

    [Test]
    public void NamesAreQuotedAndPowerColoursRunFromDarkToBright()
    {
        var mdp = new MdpBuilder("odd \"name\"").AddStates("a\"b", "c\\d")
            .AddAction("a\"b", "go", "c\\d").AddAction("c\\d", "stay", "c\\d").Build();
        var dot = MdpDiagram.ToDot(mdp, [0.25, 0.75]);
        var edge = dot.Split('\n').Select(l => Edge().Match(l)).Single(m => m.Success && m.Groups[3].Value.Contains("\"go\""));
        Assert.That((Unquote(edge.Groups[1].Value), Unquote(edge.Groups[2].Value)), Is.EqualTo(("a\"b", "c\\d")));
        // Viridis runs from dark purple (#440154) to yellow (#FDE725; ScottPlot's table rounds it to #FDE724).
        Assert.That(dot, Does.Contain("label=\"a\\\"b\\n0.250\", style=filled, fillcolor=\"#440154\", fontcolor=white"));
        Assert.That(dot, Does.Match("label=\"c\\\\\\\\d\\\\n0.750\", style=filled, fillcolor=\"#FDE72[45]\", fontcolor=black"));
        Assert.Throws<ArgumentException>(() => MdpDiagram.ToDot(mdp, [0.5]));
        Assert.Throws<ArgumentException>(() => MdpDiagram.ToDot(mdp, [0.5, double.NaN]));
    }

    [Test]
    public void GraphvizRendersTheDiagramWhenDotIsInstalled()
    {
        Assume.That(GraphvizRenderer.TryFindDot(out _), Is.True, "Graphviz 'dot' is not on the PATH");
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

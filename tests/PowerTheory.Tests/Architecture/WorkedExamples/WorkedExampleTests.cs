using System.Text.RegularExpressions;
using PowerTheory.Environments;
using PowerTheory.IO.Formats;
using PowerTheory.Mdps;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Architecture.WorkedExamples;

/// <summary>
/// The worked examples of docs/architecture.md ("Adding a format" and "Adding a reward law"; the decision-maker's is
/// DecisionMakers/ArchitectureExampleTests): each is one file of this folder plus one registration line, the entry a
/// registry's list would hold. The code blocks of the page must be
/// these files and lines verbatim (so the page compiles), and each example is checked against an oracle.
/// </summary>
public class WorkedExampleTests
{
    // The registration lines, as they would stand in MdpFormatRegistry.All and RewardLawRegistry.All.
    private static readonly MdpFormatEntry EdgeList =
        // begin registration: format
        new((MdpFormat)100, "edges", [], ".edges", EdgeListFormat.Parse,
            (d, p, files, _, _, _) => files.Add((p, EdgeListFormat.Write(d))),
            40, NumbersStates: false, KeepsSettings: false, KeepsRewardVector: false, LabelKeeping.None, _ => []);
        // end registration

    private static readonly RewardLawEntry LogNormalEntry =
        // begin registration: law
        new("lognormal", "lognormal(mu,sigma)", "lognormal(0,0.5)", 2, a => new LogNormalLaw(a[0], a[1]));
        // end registration

    [Test]
    public void TheEdgeListFormatReadsBackWhatItWrote()
    {
        foreach (var mdp in new[] { PaperMdps.OptspFigure1(), BuiltInEnvironments.Create("chain4-stochastic") })
        {
            var files = new List<(string Path, string Text)>();
            EdgeList.Write(new MdpDocument(mdp), "m.edges", files, [], null, null);
            var again = EdgeList.Parse!(files.Single().Text).Document.Mdp;
            Assert.That(again, Is.EqualTo(mdp), mdp.Name);
        }
        Assert.That(() => EdgeList.Parse!("a go\n"), Throws.TypeOf<MdpValidationException>().With.Message.StartsWith("line 1:"));
    }

    [Test]
    public void TheLogNormalLawHasItsClosedFormMean()
    {
        var law = LogNormalEntry.Create!([0, 0.5]);
        var random = new Random(4);
        const int n = 200_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = law.Sample(random);
            sum += x;
            sq += x * x;
        }
        double mean = sum / n, se = Math.Sqrt((sq / n - mean * mean) / n);
        Assert.That(mean, Is.EqualTo(Math.Exp(0.125)).Within(4 * se), "seed 4");
        Assert.That(law.Mean, Is.EqualTo(Math.Exp(0.125)).Within(1e-15));
    }

    [Test]
    public void ThePageShowsTheseFilesAndLinesVerbatim()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(LayerTests.LibraryRoot()))!;
        var page = Normalise(File.ReadAllText(Path.Combine(root, "docs", "architecture.md")));
        var folder = Path.Combine(root, "tests", "PowerTheory.Tests", "Architecture", "WorkedExamples");
        var blocks = new List<(string What, string Code)>();
        foreach (var file in new[] { "EdgeListFormat.cs", "LogNormalLaw.cs" })
            blocks.AddRange(Regions(File.ReadAllText(Path.Combine(folder, file)), "begin worked example", "end worked example"));
        blocks.AddRange(Regions(File.ReadAllText(Path.Combine(folder, "WorkedExampleTests.cs")), "begin registration", "end registration"));
        Assert.That(blocks.Count, Is.EqualTo(4));
        foreach (var (what, code) in blocks)
            Assert.That(page, Does.Contain(Normalise(code)), $"docs/architecture.md does not show the {what} verbatim");
    }

    private static IEnumerable<(string, string)> Regions(string text, string begin, string end) =>
        Regex.Matches(text, $@"// {begin}: ([\w-]+)\r?\n(.*?)\r?\n\s*// {end}", RegexOptions.Singleline)
            .Select(m => ($"{begin} {m.Groups[1].Value}", m.Groups[2].Value));

    /// <summary>Lines trimmed and blank lines dropped, so indentation in the page does not matter.</summary>
    private static string Normalise(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}

using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Solvers;
using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>The hand-written example files of docs/formats (one stochastic MDP, "coin", in every format): each
/// importer reads its file to the model of the canonical JSON, round-trips it, and the CLI gives the same POWER.</summary>
public class FormatExampleTests
{
    private static readonly string[] Examples = ["coin.drn", "coin.tra", "coin.gym.json", "coin.gv"];

    private static MdpDocument Reference() => MdpJson.Load(RepoFiles.Example("coin.json"));

    [TestCaseSource(nameof(Examples))]
    public void ImportsToTheModelOfTheCanonicalJson(string file)
    {
        var import = MdpFormats.Load(RepoFiles.Example(file));
        var reference = Reference();
        Assert.That(import.Mdp, Is.EqualTo(reference.Mdp), file);
        if (file.EndsWith(".gv", StringComparison.Ordinal)) Assert.That(import.Document.Rewards, Is.Null, ".gv files carry no rewards");
        else Assert.That(import.Document.Rewards, Is.EqualTo(reference.Rewards), file);
    }

    [TestCaseSource(nameof(Examples))]
    public void RoundTripsThroughJsonAndBackToItsOwnFormat(string file)
    {
        var path = RepoFiles.Example(file);
        var first = MdpFormats.Load(path);
        var viaJson = MdpJson.Parse(MdpJson.ToJson(first.Document));
        Assert.That(viaJson.Mdp, Is.EqualTo(first.Mdp));
        using var dir = new TempDirectory();
        var format = file.EndsWith(".gym.json", StringComparison.Ordinal) ? MdpFormat.GymP : MdpFormats.FromPath(path)!.Value;
        var saved = MdpFormats.Save(viaJson, dir.PathOf("again" + Path.GetExtension(file)), format);
        var again = MdpFormats.Load(saved.Files[0], format);
        Assert.That(again.Mdp, Is.EqualTo(first.Mdp));
        Assert.That(again.Document.Rewards, Is.EqualTo(first.Document.Rewards));
    }

    [Test]
    public void TheModelMatchesItsDescriptionInTheDocs()
    {
        // Independent of every reader: the transition probabilities as written in docs/formats.md.
        var mdp = Reference().Mdp;
        Assert.Multiple(() =>
        {
            Assert.That(mdp.TransitionProbability(mdp.StateIndex("0"), mdp.ActionIndex(mdp.StateIndex("0"), "gamble"), mdp.StateIndex("2")), Is.EqualTo(0.5));
            Assert.That(mdp.TransitionProbability(mdp.StateIndex("1"), mdp.ActionIndex(mdp.StateIndex("1"), "back"), mdp.StateIndex("0")), Is.EqualTo(0.3));
            Assert.That(mdp.TransitionProbability(mdp.StateIndex("3"), mdp.ActionIndex(mdp.StateIndex("3"), "go"), mdp.StateIndex("3")), Is.EqualTo(0.75));
        });
    }

    [Test]
    public void EveryFormatGivesTheSamePowerAndValuesAsTheJsonOnTheCommandLine()
    {
        var reference = CliRun.Of("power", RepoFiles.Example("coin.json"), "-g", "0.9", "-n", "4000", "--seed", "7", "-f", "csv");
        Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Err);
        foreach (var file in Examples)
        {
            var run = CliRun.Of("power", RepoFiles.Example(file), "-g", "0.9", "-n", "4000", "--seed", "7", "-f", "csv");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
            Assert.That(run.Out, Is.EqualTo(reference.Out), file);
        }
        // V* with the file's own rewards (not in .gv): the same from DRN, PRISM and gym-P as from the JSON, and equal to
        // an independent solver (value iteration to 1e-10 versus the LP).
        var json = Reference();
        var exact = LinearProgramSolver.Solve(json.Mdp, json.Rewards!.ToArray(), 0.9).Values;
        foreach (var file in new[] { "coin.drn", "coin.tra", "coin.gym.json" })
        {
            var doc = MdpFormats.Load(RepoFiles.Example(file)).Document;
            var v = ValueIteration.Solve(doc.Mdp, doc.Rewards!.ToArray(), 0.9, 1e-10).Values;
            for (int s = 0; s < exact.Count; s++) Assert.That(v[s], Is.EqualTo(exact[s]).Within(1e-8), $"{file} state {s}");
        }
    }
}

using System.Text.RegularExpressions;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Power;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>POWERplay's gridworlds re-created in its .gv conventions (Data/, written from the published layouts by a
/// separate script, in POWERplay's breadth-first node order and "(row, col)" names) against our built-ins, and its
/// published 3×3 POWER figures.</summary>
public partial class PowerplayGvTests
{
    [TestCase("powerplay_grid3_stochastic.gv", "grid3")]
    [TestCase("powerplay_maze7.gv", "maze7")]
    [TestCase("powerplay_map20.gv", "map20")]
    public void StochasticFormImportsEqualToTheBuiltInUpToStateNames(string file, string builtIn)
    {
        var imported = PowerplayGvFormat.Load(RepoFiles.Data(file)).Mdp;
        var ours = BuiltInEnvironments.Create(builtIn);
        Assert.That(imported.StateCount, Is.EqualTo(ours.StateCount));
        Assert.That(Renamed(imported, OurName).RelabelStates(Order(imported, ours)), Is.EqualTo(ours));
    }

    [Test]
    public void DeterministicFormImportsEqualToGrid3UpToStateAndActionNames()
    {
        // The deterministic form names a move after its target, so compare successors action by action.
        var imported = PowerplayGvFormat.Load(RepoFiles.Data("powerplay_grid3_deterministic.gv")).Mdp;
        var ours = BuiltInEnvironments.Create("grid3");
        Assert.That(imported.IsDeterministic, Is.True);
        Assert.That(imported.StateCount, Is.EqualTo(9));
        for (int s = 0; s < ours.StateCount; s++)
        {
            int t = imported.StateIndex(TheirName(ours.StateNames[s]));
            var theirs = Enumerable.Range(0, imported.ActionCount(t))
                .Select(a => OurName(imported.StateNames[imported.Successors(imported.FirstStateAction(t) + a)[0]]));
            var mine = Enumerable.Range(0, ours.ActionCount(s))
                .Select(a => ours.StateNames[ours.Successors(ours.FirstStateAction(s) + a)[0]]);
            Assert.That(theirs, Is.EqualTo(mine), ours.StateNames[s]);
            Assert.That(imported.ActionNames(t), Is.EqualTo(theirs.Select(TheirName)), "actions are named after their targets");
        }
    }

    [Test]
    public void Grid3PowerMatchesPowerplaysPublishedFiguresWithinFourStandardErrors()
    {
        // POWERplay's 3×3 grid at γ = 0.6, uniform(0,1) rewards, 50,000 samples: corners ≈ 0.805, edges ≈ 0.836,
        // centre ≈ 0.862 (its published figure; docs/reproductions.md).
        var mdp = PowerplayGvFormat.Load(RepoFiles.Data("powerplay_grid3_stochastic.gv")).Mdp;
        var at = new PowerEstimator(mdp, RewardDistribution.Parse("uniform(0,1)", mdp))
            .Estimate(0.6, new PowerOptions { Samples = 50_000, Seed = 20_250_801 });
        Assert.Multiple(() =>
        {
            foreach (var name in mdp.StateNames)
            {
                var m = Cell().Match(name);
                int r = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                int c = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                int border = (r == 1 ? 0 : 1) + (c == 1 ? 0 : 1);
                double published = border switch { 2 => 0.805, 1 => 0.836, _ => 0.862 };
                var p = at.Power(mdp.StateIndex(name));
                Assert.That(Math.Abs(p.Mean - published), Is.LessThanOrEqualTo(4 * p.StandardError),
                    $"{name}: ours {p.Mean:F4} ± {p.StandardError:F4}, published {published}");
            }
        });
    }

    private static Mdp Renamed(Mdp mdp, Func<string, string> rename)
    {
        var b = new MdpBuilder(mdp.Name);
        foreach (var s in mdp.StateNames) b.AddState(rename(s));
        for (int s = 0; s < mdp.StateCount; s++)
        for (int a = 0; a < mdp.ActionCount(s); a++)
        {
            int sa = mdp.FirstStateAction(s) + a;
            var succ = mdp.Successors(sa).ToArray();
            var prob = mdp.Probabilities(sa).ToArray();
            b.AddAction(rename(mdp.StateNames[s]), mdp.ActionNames(s)[a],
                succ.Select((t, k) => (rename(mdp.StateNames[t]), prob[k])).ToArray());
        }
        return b.Build();
    }

    /// <summary>φ with φ(s) = the index in <paramref name="ours"/> of the imported state s.</summary>
    private static int[] Order(Mdp imported, Mdp ours) =>
        imported.StateNames.Select(n => ours.StateIndex(OurName(n))).ToArray();

    private static string OurName(string theirs)
    {
        var m = Cell().Match(theirs);
        Assert.That(m.Success, Is.True, theirs);
        return Gridworld.StateName(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string TheirName(string ours)
    {
        var m = Regex.Match(ours, @"^r(\d+)c(\d+)$");
        return $"({m.Groups[1].Value}, {m.Groups[2].Value})";
    }

    [GeneratedRegex(@"^\((\d+), (\d+)\)$")]
    private static partial Regex Cell();
}

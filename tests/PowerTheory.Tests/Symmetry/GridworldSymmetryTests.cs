using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Symmetry;

namespace PowerTheory.Tests.Symmetry;

/// <summary>The mirror symmetry of the 20×20 map, found within the default budget and compared with the geometric
/// mirror (r, c) ↦ (r, 19 − c); and an MDP without any involution.</summary>
public class GridworldSymmetryTests
{
    [Test]
    public void Map20MirrorIsFoundForMirroredCells()
    {
        var map = BuiltInEnvironments.Create("map20");
        int left = map.StateIndex("r13c0"), right = map.StateIndex("r13c19");
        var c = SymmetryFinder.PowerDominance(map, right, left);
        Assert.That(c.Holds, Is.True, c.ToString());
        Assert.That(c.Route, Does.StartWith("transition structure"));
        // Oracle from the geometry, not the MDP rows: φ is an involution of the open cells that maps grid neighbours to
        // grid neighbours. (It need not be the plain mirror: the two 3-wide rooms at the top are themselves symmetric,
        // so translating one onto the other is an equally valid automorphism.)
        var phi = c.Permutations.Single();
        Assert.That(phi.IsInvolution, Is.True);
        Assert.That(phi[left], Is.EqualTo(right));
        (int Row, int Col) Cell(int x)
        {
            var name = map.StateNames[x];
            return (int.Parse(name[1..name.IndexOf('c')]), int.Parse(name[(name.IndexOf('c') + 1)..]));
        }
        for (int x = 0; x < map.StateCount; x++)
            for (int y = 0; y < map.StateCount; y++)
            {
                var (a, b) = (Cell(x), Cell(y));
                var (pa, pb) = (Cell(phi[x]), Cell(phi[y]));
                bool adjacent = Math.Abs(a.Row - b.Row) + Math.Abs(a.Col - b.Col) == 1;
                bool imagesAdjacent = Math.Abs(pa.Row - pb.Row) + Math.Abs(pa.Col - pb.Col) == 1;
                Assert.That(imagesAdjacent, Is.EqualTo(adjacent), $"{map.StateNames[x]}, {map.StateNames[y]} under φ");
            }
        Assert.That(Cell(phi[map.StateIndex("r13c5")]), Is.EqualTo((13, 14)), "row 13 is mirrored");
        Assert.That(c.Search.Seconds, Is.LessThan(10));
    }

    [Test]
    public void AChainWithoutSymmetryIsExhaustivelyRefused()
    {
        // a → b → c (terminal) and a → c: F(b) = {b→c…}, F_nd(a) has two functions; no involution maps a onto b with
        // φ·F_nd(a) ⊆ F(b), since b has a single successor.
        var mdp = new MdpBuilder("no-symmetry").AddStates("a", "b", "c")
            .AddAction("a", "to_b", "b").AddAction("a", "to_c", "c").AddAction("b", "to_c", "c").AddAction("c", "stay", "c").Build();
        var c = SymmetryFinder.PowerDominance(mdp, mdp.StateIndex("b"), mdp.StateIndex("a"));
        Assert.That(c.Holds, Is.False, c.ToString());
        Assert.That(c.ProvedAbsent, Is.True, c.ToString());
        Assert.That(c.Search.IsComplete, Is.True);
        Assert.That(c.Summary, Does.Contain("no such involution exists"));
    }

    [Test]
    public void ATinyBudgetIsReportedAsTheReasonForNotFinding()
    {
        var map = BuiltInEnvironments.Create("map20");
        var c = SymmetryFinder.PowerDominance(map, map.StateIndex("r13c19"), map.StateIndex("r13c0"), new SearchBudget(maxNodes: 5));
        Assert.That(c.Holds, Is.False);
        Assert.That(c.ProvedAbsent, Is.False);
        Assert.That(c.Search.Stop, Is.EqualTo(SearchStop.NodeBudget), c.ToString());
    }
}

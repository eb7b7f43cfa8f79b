using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.Plotting;

namespace PowerTheory.Tests.Plotting;

public class GridLayoutTests
{
    [Test]
    public void TheMazeLayoutMatchesItsAsciiMap()
    {
        // Oracle: the map text itself ('.' open, '#' wall), read independently of the gridworld builder.
        var lines = GridMaps.Maze7.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var mdp = Gridworld.FromAscii(GridMaps.Maze7);
        var layout = GridLayout.FromStateNames(mdp);
        Assert.That((layout.Rows, layout.Cols), Is.EqualTo((lines.Length, lines[0].Length)));
        for (int r = 0; r < layout.Rows; r++)
        for (int c = 0; c < layout.Cols; c++)
        {
            int s = layout.StateAt(r, c);
            Assert.That(s >= 0, Is.EqualTo(lines[r][c] == '.'), $"cell ({r}, {c})");
            if (s >= 0) Assert.That(layout.CellOf(s), Is.EqualTo((r, c)));
        }
    }

    [Test]
    public void ANonGridMdpIsRefusedNamingTheState()
    {
        var figure1 = PaperMdps.OptspFigure1();
        var e = Assert.Throws<ArgumentException>(() => GridLayout.FromStateNames(figure1));
        Assert.That(e!.Message, Does.Contain($"'{figure1.StateNames[0]}'").And.Contain("r{row}c{col}"));
    }

    [Test]
    public void NamesThatOnlyLookLikeCellsAreRefused()
    {
        // r01c2 parses to (1, 2) but the gridworld would name that cell r1c2.
        var mdp = new MdpBuilder().AddState("r01c2").AddAction("r01c2", "stay", "r01c2").Build();
        Assert.That(GridLayout.TryFromStateNames(mdp, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("'r01c2'"));
    }

    [Test]
    public void CellsOutsideTheGridAreRefused()
    {
        var layout = GridLayout.FromStateNames(Gridworld.Open(2, 3));
        Assert.That(layout.StateAt(1, 2), Is.EqualTo(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.StateAt(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => layout.CellOf(6));
    }
}

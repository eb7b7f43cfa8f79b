using PowerTheory.Polytope;

namespace PowerTheory.Tests.Polytope;

/// <summary>The LP non-domination test on hand-made point sets.</summary>
public class NonDominationTestTests
{
    private static readonly double[][] SquareWithCentre =
    {
        new[] { 0.0, 0.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 }, new[] { 0.5, 0.5 }, new[] { 0.5, 0.0 },
    };

    [Test]
    public void CornersOfASquareAreNonDominatedAndInnerPointsAreNot()
    {
        Assert.That(NonDominationTest.NonDominatedIndices(SquareWithCentre), Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public void WitnessSeparatesThePointWithTheReportedMargin()
    {
        var result = NonDominationTest.Test(SquareWithCentre[3], SquareWithCentre.Where((_, i) => i != 3));
        Assert.That(result.IsNonDominated, Is.True);
        Assert.That(result.Margin, Is.GreaterThan(0));
        foreach (var g in SquareWithCentre.Where((_, i) => i != 3))
        {
            double gap = (1 - g[0]) * result.Witness[0] + (1 - g[1]) * result.Witness[1];
            Assert.That(gap, Is.GreaterThanOrEqualTo(result.Margin - 1e-12));
        }
    }

    [Test]
    public void DuplicatesAreDominatedAndAnEmptySetDominatesNothing()
    {
        var p = new[] { 1.0, 2.0 };
        Assert.That(NonDominationTest.Test(p, new[] { new[] { 1.0, 2.0 }, new[] { 0.0, 0.0 } }).IsNonDominated, Is.False);
        var alone = NonDominationTest.Test(p, Array.Empty<double[]>());
        Assert.That(alone.IsNonDominated, Is.True);
        Assert.That(alone.Margin, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void TinyButRealDifferencesAreResolved()
    {
        // Coordinates of order γ^8 at γ = 0.05 (≈ 4e-11) still decide: the LP is equilibrated.
        double e = Math.Pow(0.05, 8);
        var points = new[] { new[] { 1.0, e, 0 }, new[] { 1.0, 0, e }, new[] { 1.0, e / 2, e / 2 } };
        Assert.That(NonDominationTest.NonDominatedIndices(points), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void BadInputIsRefusedWithTheOffendingEntry()
    {
        Assert.That(() => NonDominationTest.Test(new[] { 1.0, double.NaN }, new[] { new[] { 0.0, 0.0 } }),
            Throws.ArgumentException.With.Message.Contains("point[1]"));
        Assert.That(() => NonDominationTest.Test(new[] { 1.0, 0.0 }, new[] { new[] { 0.0 } }),
            Throws.ArgumentException.With.Message.Contains("others[0]").And.Message.Contains("dimension"));
    }
}

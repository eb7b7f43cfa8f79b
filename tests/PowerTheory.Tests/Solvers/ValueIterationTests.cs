using PowerTheory.Environments;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>Value iteration's stopping rule: the reported bound is a true bound on ‖V − V*‖∞ and meets the request.</summary>
public class ValueIterationTests
{
    [TestCase(0.5, 1e-3)]
    [TestCase(0.9, 1e-6)]
    [TestCase(0.99, 1e-4)]
    public void ReportedBoundHoldsAgainstTheExactSolution(double gamma, double accuracy)
    {
        var mdp = Gridworld.FromAscii(GridMaps.Maze7, slip: 0.2);
        var r = RandomMdps.Rewards(new Random(8), mdp.StateCount);
        var vi = ValueIteration.Solve(mdp, r, gamma, accuracy);
        var exact = PolicyIteration.Solve(mdp, r, gamma);
        double error = vi.Values.Zip(exact.Values, (a, b) => Math.Abs(a - b)).Max();
        Assert.That(vi.ErrorBound, Is.LessThanOrEqualTo(accuracy));
        Assert.That(error, Is.LessThanOrEqualTo(vi.ErrorBound));
        Assert.That(vi.Iterations, Is.GreaterThan(1));
    }

    [Test]
    public void UnreachableAccuracyThrowsInsteadOfLoopingForever()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Maze7, slip: 0.2);
        var r = RandomMdps.Rewards(new Random(8), mdp.StateCount);
        var ex = Assert.Throws<InvalidOperationException>(() => ValueIteration.Solve(mdp, r, 0.999, accuracy: 1e-15));
        Assert.That(ex!.Message, Does.Contain("rounding"));
    }

    [Test]
    public void IterationCapThrows()
    {
        var mdp = PaperMdps.OptspFigure1();
        var r = RandomMdps.Rewards(new Random(1), mdp.StateCount);
        Assert.Throws<InvalidOperationException>(() => ValueIteration.Solve(mdp, r, 0.99, 1e-9, maxIterations: 5));
    }
}

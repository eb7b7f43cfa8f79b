using PowerTheory.Environments;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>The occupancy-measure LP: dual sign convention, basis policy, certificate, and argument checks.</summary>
public class LinearProgramSolverTests
{
    [Test]
    public void RawGlopDualsAreTheOptimalValues()
    {
        // Two states: s0 → {s0, s1}, s1 absorbing, r = (1, 2), γ = 0.5: V*(s1) = 4, V*(s0) = 1 + 0.5·4 = 3.
        var mdp = new PowerTheory.Mdps.MdpBuilder()
            .AddStates("s0", "s1")
            .AddAction("s0", "stay", "s0").AddAction("s0", "go", "s1")
            .AddAction("s1", "stay", "s1")
            .Build();
        var (duals, actions, _) = LinearProgramSolver.SolveOccupancyLp(mdp, new[] { 1.0, 2.0 }, 0.5);
        Assert.That(duals, Is.EqualTo(new[] { 3.0, 4.0 }).Within(1e-12));
        Assert.That(actions, Is.EqualTo(new[] { 1, 0 }));
    }

    [Test]
    public void RawDualsOnFigure1AreAccurateBeforeCertification()
    {
        var mdp = PaperMdps.OptspFigure1();
        var r = RandomMdps.Rewards(new Random(2), mdp.StateCount, 10);
        foreach (var gamma in new[] { 0.1, 0.9, 0.999 })
        {
            var (duals, _, _) = LinearProgramSolver.SolveOccupancyLp(mdp, r, gamma);
            var exact = PolicyIteration.Solve(mdp, r, gamma);
            Assert.That(duals, Is.EqualTo(exact.Values).Within(1e-9 * RandomMdps.MaxAbs(exact.Values)));
        }
    }

    [Test]
    public void ReportsMethodIterationsAndACertifiedBound()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Maze7, slip: 0.1);
        var r = RandomMdps.Rewards(new Random(9), mdp.StateCount);
        var lp = LinearProgramSolver.Solve(mdp, r, 0.95);
        Assert.Multiple(() =>
        {
            Assert.That(lp.Method, Is.EqualTo(ValueMethod.LinearProgram));
            Assert.That(lp.Method.Name(), Is.EqualTo("linear-program"));
            Assert.That(lp.Iterations, Is.GreaterThan(0));
            Assert.That(lp.ErrorBound, Is.LessThanOrEqualTo(1e-10 * RandomMdps.MaxAbs(lp.Values)));
            Assert.That(lp.Gamma, Is.EqualTo(0.95));
            Assert.That(lp.Rewards, Is.EqualTo(r));
        });
        // V*(s) = max_a Q*(s,a) literally.
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double best = Enumerable.Range(0, mdp.ActionCount(s)).Max(a => lp.ActionValue(s, a));
            Assert.That(lp[s], Is.EqualTo(best));
        }
    }

    [Test]
    public void RefusesToReturnAnUncertifiableResult()
    {
        // No double-precision answer can be certified to 1e-17 relative at γ = 0.999: the solver must throw, not return.
        var mdp = Gridworld.FromAscii(GridMaps.Maze7, slip: 0.3);
        var r = RandomMdps.Rewards(new Random(4), mdp.StateCount);
        var ex = Assert.Throws<InvalidOperationException>(() => LinearProgramSolver.Solve(mdp, r, 0.999, relativeAccuracy: 1e-17));
        Assert.That(ex!.Message, Does.Contain("could not be certified"));
    }

    [Test]
    public void RejectsBadArguments()
    {
        var mdp = PaperMdps.TerminalOptions(2);
        var r = new double[] { 0, 1, 2 };
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearProgramSolver.Solve(mdp, r, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearProgramSolver.Solve(mdp, r, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearProgramSolver.Solve(mdp, r, double.NaN));
        Assert.Throws<ArgumentException>(() => LinearProgramSolver.Solve(mdp, new double[] { 0, 1 }, 0.5));
        var ex = Assert.Throws<ArgumentException>(() => LinearProgramSolver.Solve(mdp, new[] { 0, double.NaN, 2 }, 0.5));
        Assert.That(ex!.Message, Does.Contain("t1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearProgramSolver.Solve(mdp, r, 0.5, relativeAccuracy: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinearProgramSolver.Solve(mdp, r, 0.5, tieTolerance: -1));
    }
}

using PowerTheory.Environments;
using PowerTheory.Internal;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>A 36×36 slippery grid with a single-goal reward, where MathNet's BiCGStab evaluation breaks down, stagnates
/// or returns non-finite values: Howard's loop over the sparse evaluator still reaches V* (value iteration with a
/// certified 1e-10 bound is the oracle), every value is finite, and the fallback is recorded; the default policy
/// iteration (banded LU here) agrees too.</summary>
public class LargeStochasticSolveTests
{
    [Test]
    public void SingleGoalOnA36By36SlipperyGridMatchesValueIteration()
    {
        var mdp = Gridworld.Open(36, 36, slip: 0.1);
        var r = new double[mdp.StateCount];
        r[mdp.StateIndex("r35c35")] = 1;
        var vi = ValueIteration.Solve(mdp, r, 0.99, accuracy: 1e-10);
        using (var scope = DegradationScope.Begin())
        {
            var howard = new HowardIteration(mdp, 0.99, new SparseIterativePolicyEvaluator(mdp, 0.99));
            howard.WarmStart(r, 0);
            howard.Iterate(r);
            for (int s = 0; s < mdp.StateCount; s++)
            {
                Assert.That(double.IsFinite(howard.Values[s]), Is.True, $"V({mdp.StateNames[s]}) = {howard.Values[s]}");
                Assert.That(howard.Values[s], Is.EqualTo(vi[s]).Within(1e-8), $"sparse path: V*({mdp.StateNames[s]})");
            }
            var recorded = DegradationScope.Snapshot();
            TestContext.Out.WriteLine("degradations: " + string.Join("; ", recorded.Select(d => $"{d.Key} × {d.Value}")));
            Assert.That(recorded.Keys, Has.Some.Contains("fell back from BiCGStab"), "this case exercises the fallback");
        }
        var pi = PolicyIteration.Solve(mdp, r, 0.99);
        for (int s = 0; s < mdp.StateCount; s++) Assert.That(pi[s], Is.EqualTo(vi[s]).Within(1e-8), $"default: V*({mdp.StateNames[s]})");
    }

    [Test]
    public void SingleGoalOnThe100By100SlipperyGridMatchesValueIteration()
    {
        // Issue #11's case: `values` on this grid used to exit with an internal NumericalBreakdownException.
        var mdp = Gridworld.Open(100, 100, slip: 0.1);
        var r = new double[mdp.StateCount];
        r[mdp.StateIndex("r99c99")] = 1;
        var pi = PolicyIteration.Solve(mdp, r, 0.99);
        var vi = ValueIteration.Solve(mdp, r, 0.99, accuracy: 1e-10);
        for (int s = 0; s < mdp.StateCount; s++)
            Assert.That(pi[s], Is.EqualTo(vi[s]).Within(1e-8), $"V*({mdp.StateNames[s]})");
    }
}

using PowerTheory.Environments;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>Policy iteration on a slippery grid above the dense limit with a single-goal reward, where the sparse
/// BiCGStab evaluation breaks down or stagnates: the answer is still V* (value iteration with a certified 1e-10 bound is
/// the oracle), every value is finite, and the fallback is reported.</summary>
public class LargeStochasticSolveTests
{
    [Test]
    public void SingleGoalOnA36By36SlipperyGridMatchesValueIteration()
    {
        var mdp = Gridworld.Open(36, 36, slip: 0.1);
        Assert.That(mdp.StateCount, Is.GreaterThan(PolicyMatrix.DenseLimit), "the sparse path must be exercised");
        var r = new double[mdp.StateCount];
        r[mdp.StateIndex("r35c35")] = 1;
        var pi = PolicyIteration.Solve(mdp, r, 0.99);
        var vi = ValueIteration.Solve(mdp, r, 0.99, accuracy: 1e-10);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            Assert.That(double.IsFinite(pi[s]), Is.True, $"V*({mdp.StateNames[s]}) = {pi[s]}");
            Assert.That(pi[s], Is.EqualTo(vi[s]).Within(1e-8), $"V*({mdp.StateNames[s]})");
        }
        TestContext.Out.WriteLine("degradations: " + string.Join("; ", pi.Degradations.Select(d => $"{d.Key} × {d.Value}")));
    }
}

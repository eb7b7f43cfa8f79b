using CsCheck;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Solvers;

/// <summary>
/// OPTSP §D.1.2 (docs/theory.md §1.1): R'(s) = V*_R(s,γ) − γ*·max_a E_{s'~T(s,a)} V*_R(s',γ) gives V*_{R'}(·,γ*) = V*_R(·,γ) and
/// the same optimal policies.
/// </summary>
public class PolicyTransferTests
{
    [Test]
    public void TransferredRewardReproducesValuesAndPolicies() =>
        Gen.Select(RandomMdps.Cases(), Gen.Double[0.01, 0.99]).SamplePinned((c, gammaStar) =>
        {
            var v = PolicyIteration.Solve(c.Mdp, c.Rewards, c.Gamma);
            int n = c.Mdp.StateCount;
            var rPrime = new double[n];
            for (int s = 0; s < n; s++)
            {
                double best = double.NegativeInfinity;
                for (int a = 0; a < c.Mdp.ActionCount(s); a++)
                {
                    int sa = c.Mdp.StateActionIndex(s, a);
                    var succ = c.Mdp.Successors(sa);
                    var prob = c.Mdp.Probabilities(sa);
                    double e = 0;
                    for (int k = 0; k < succ.Length; k++) e += prob[k] * v[succ[k]];
                    best = Math.Max(best, e);
                }
                rPrime[s] = v[s] - gammaStar * best;
            }
            var transferred = LinearProgramSolver.Solve(c.Mdp, rPrime, gammaStar);
            double tol = 1e-9 * Math.Max(RandomMdps.MaxAbs(v.Values), RandomMdps.MaxAbs(c.Rewards));
            Assert.That(transferred.Values, Is.EqualTo(v.Values).Within(tol));
            // Each side's optimal policy is optimal for the other problem.
            var crossA = PolicyEvaluation.Evaluate(c.Mdp, transferred.Policy, c.Rewards, c.Gamma);
            Assert.That(crossA, Is.EqualTo(v.Values).Within(tol));
            var crossB = PolicyEvaluation.Evaluate(c.Mdp, v.Policy, rPrime, gammaStar);
            Assert.That(crossB, Is.EqualTo(transferred.Values).Within(tol));
        }, iter: 150);
}

using PowerTheory.Environments;
using PowerTheory.Power;

namespace PowerTheory.Tests.Power;

/// <summary>
/// Per-action optimality probabilities at γ = 1 follow Π*(R,1), the Blackwell limit of the optimal policy sets
/// (docs/theory.md §1.1), not mere gain preservation.
/// </summary>
public class BlackwellLimitTests
{
    [Test]
    public void ActionsAtTheLoopStatesSplitEvenly()
    {
        // At r↘: stay (gain r↘) or go up and stay at r↗ (gain r↗); the larger wins, so each has probability 1/2 under
        // IID uniform rewards. Gain preservation would count both as always optimal.
        var mdp = PaperMdps.OptspFigure1();
        var at = new PowerEstimator(mdp).Estimate(1.0, new PowerOptions { Samples = 8000, Seed = 3 });
        foreach (var (state, a, b) in new[] { ("r_se", "stay", "up"), ("r_ne", "stay", "down"), ("l_sw", "stay", "up") })
        {
            var pa = at.OptimalityProbability(state, a);
            var pb = at.OptimalityProbability(state, b);
            Assert.That(pa.Mean, Is.EqualTo(0.5).Within(4 * pa.StandardError), $"{state}/{a}");
            // Continuous law: the Blackwell rule is exact, so exactly one of the two is optimal in every sample.
            Assert.That(pa.Mean + pb.Mean, Is.EqualTo(1.0).Within(1e-12), $"{state}: continuous law, no ties");
        }
    }

    [Test]
    public void FirstMoveFromStarFollowsTheBestReachableGain()
    {
        var mdp = PaperMdps.OptspFigure1();
        var at = new PowerEstimator(mdp).Estimate(1.0, new PowerOptions { Samples = 20_000, Seed = 4 });
        // Independent oracle: sample the five relevant rewards directly; the move whose best reachable cycle mean is
        // largest is the Blackwell-optimal one (ties have probability 0).
        var rng = new Random(123);
        const int n = 200_000;
        int up = 0, left = 0, right = 0;
        for (int i = 0; i < n; i++)
        {
            double e = rng.NextDouble(), lsw = rng.NextDouble(), lnw = rng.NextDouble(), rse = rng.NextDouble(), rne = rng.NextDouble();
            double gl = Math.Max(lsw, (lsw + lnw) / 2), gr = Math.Max(rse, rne);
            if (e > gl && e > gr) up++;
            else if (gl > gr) left++;
            else right++;
        }
        foreach (var (action, hits) in new[] { ("up", up), ("left", left), ("right", right) })
        {
            var p = at.OptimalityProbability("star", action);
            double q = (double)hits / n;
            double se = Math.Sqrt(p.StandardError * p.StandardError + q * (1 - q) / n);
            Assert.That(p.Mean, Is.EqualTo(q).Within(4 * se), $"P(star, {action}, γ = 1)");
        }
    }
}

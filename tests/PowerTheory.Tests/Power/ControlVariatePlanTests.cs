using NUnit.Framework;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Power;

/// <summary>The discounted best-reachable-reward covariate: its per-sample sweep against brute-force path lengths, and
/// its exact mean against sampling.</summary>
public class ControlVariatePlanTests
{
    /// <summary>c₁(s) = max over s' at d ≥ 1 steps of γ^{d−1}(r(s') − L), with d from a plain breadth-first search.</summary>
    private static double BruteForce(Mdp mdp, int s, double gamma, double[] r, double shift)
    {
        int n = mdp.StateCount;
        var dist = Enumerable.Repeat(-1, n).ToArray();
        var frontier = new List<int> { s };
        double best = 0;
        for (int d = 1; frontier.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (int u in frontier)
                for (int a = 0; a < mdp.ActionCount(u); a++)
                {
                    int sa = mdp.FirstStateAction(u) + a;
                    var to = mdp.Successors(sa);
                    var p = mdp.Probabilities(sa);
                    for (int k = 0; k < to.Length; k++)
                        if (p[k] > 0 && dist[to[k]] < 0)
                        {
                            dist[to[k]] = d;
                            next.Add(to[k]);
                            double w = gamma == 0 ? (d == 1 ? 1 : 0) : Math.Pow(gamma, d - 1);
                            best = Math.Max(best, w * (r[to[k]] - shift));
                        }
                }
            frontier = next;
        }
        return best;
    }

    [Test]
    public void SweepMatchesBruteForceOnRandomMdps()
    {
        for (int seed = 1; seed <= 30; seed++)
        {
            var random = new Random(seed);
            var mdp = RandomMdps.Create(random, 3 + seed % 9, 3, stochastic: seed % 2 == 0);
            var gammas = new[] { 0, 0.5, 0.95, 1 };
            var plan = ControlVariatePlan.TryCreate(mdp, RewardDistribution.UniformIid, gammas, out _)!;
            var scratch = plan.NewScratch();
            var c1 = new double[mdp.StateCount];
            for (int trial = 0; trial < 5; trial++)
            {
                var r = Enumerable.Range(0, mdp.StateCount).Select(_ => random.NextDouble()).ToArray();
                foreach (double g in gammas)
                {
                    plan.Compute(g, r, c1, scratch);
                    for (int s = 0; s < mdp.StateCount; s++)
                        Assert.That(c1[s], Is.EqualTo(BruteForce(mdp, s, g, r, 0)).Within(1e-12), $"seed {seed}, γ = {g}, state {s}");
                }
            }
        }
    }

    [Test]
    public void ExactMeansAgreeWithSamplingWithinFourStandardErrors()
    {
        const int seed = 7;
        var random = new Random(seed);
        var mdp = RandomMdps.Create(random, 8, 3, stochastic: true);
        var rewards = RewardDistribution.Iid(ScalarDistribution.Beta(2, 3));
        var gammas = new[] { 0, 0.9, 1 };
        var plan = ControlVariatePlan.TryCreate(mdp, rewards, gammas, out _)!;
        var scratch = plan.NewScratch();
        int n = mdp.StateCount;
        var c1 = new double[n];
        var r = new double[n];
        const int samples = 100_000;
        for (int g = 0; g < gammas.Length; g++)
        {
            var sum = new double[n];
            var sq = new double[n];
            for (int i = 0; i < samples; i++)
            {
                rewards.Sample(random, r);
                plan.Compute(gammas[g], r, c1, scratch);
                for (int s = 0; s < n; s++) { sum[s] += c1[s]; sq[s] += c1[s] * c1[s]; }
            }
            for (int s = 0; s < n; s++)
            {
                double mean = sum[s] / samples, se = Math.Sqrt(Math.Max(0, sq[s] / samples - mean * mean) / (samples - 1));
                Assert.That(plan.StateMeans[g][s * ControlVariatePlan.Count], Is.EqualTo(mean).Within(4 * se + 1e-12),
                    $"seed {seed}, γ = {gammas[g]}, state {s}");
                Assert.That(plan.StateMeans[g][s * ControlVariatePlan.Count + 1], Is.EqualTo(0.4).Within(1e-15));
            }
        }
    }

    [Test]
    public void UserSamplersHaveNoCovariateMeans()
    {
        var mdp = RandomMdps.Small(3, stochastic: false);
        var user = RewardDistribution.FromSampler(mdp.StateCount, (rng, r) => r.Fill(0.5), 0, 1);
        Assert.That(ControlVariatePlan.TryCreate(mdp, user, [0.9], out var reason), Is.Null);
        Assert.That(reason, Does.Contain("covariates' means are unknown"));
    }
}

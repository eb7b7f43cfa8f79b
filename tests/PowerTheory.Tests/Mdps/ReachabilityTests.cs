using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Mdps;

/// <summary><see cref="Reachability"/> against the transitive closure by repeated squaring of the adjacency relation
/// (Warshall), on random MDPs.</summary>
public class ReachabilityTests
{
    private static bool[,] Closure(Mdp mdp, Func<int, bool> allowed)
    {
        int n = mdp.StateCount;
        var reach = new bool[n, n];
        for (int s = 0; s < n; s++)
        {
            reach[s, s] = true;
            for (int sa = mdp.FirstStateAction(s); sa < mdp.FirstStateAction(s) + mdp.ActionCount(s); sa++)
                if (allowed(sa))
                    foreach (int t in mdp.Successors(sa)) reach[s, t] = true;
        }
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (reach[i, k] && reach[k, j]) reach[i, j] = true;
        return reach;
    }

    [Test]
    public void ForwardSearchEqualsTheTransitiveClosure()
    {
        const int seed = 77;
        var random = new Random(seed);
        for (int trial = 0; trial < 60; trial++)
        {
            bool stochastic = trial % 2 == 1;
            var mdp = RandomMdps.Create(random, random.Next(1, 12), 3, stochastic);
            int n = mdp.StateCount;
            string where = $"seed {seed}, trial {trial}";
            var all = Closure(mdp, _ => true);
            var actions = Enumerable.Range(0, n).Select(s => random.Next(mdp.ActionCount(s))).ToArray();
            var policy = Policy.Wrap(mdp, actions);
            var under = Closure(mdp, sa => policy.StateActionAt(mdp.StateOf(sa)) == sa);
            for (int s = 0; s < n; s++)
            {
                Assert.That(Reachability.AnyPolicy(mdp, s), Is.EqualTo(Enumerable.Range(0, n).Where(t => all[s, t]).ToArray()), where);
                var reached = Reachability.UnderPolicy(mdp, actions, s);
                Assert.That(reached[0], Is.EqualTo(s), where);
                Assert.That(reached, Is.EquivalentTo(Enumerable.Range(0, n).Where(t => under[s, t])), where);
            }
        }
    }
}

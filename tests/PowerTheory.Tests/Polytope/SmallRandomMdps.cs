using PowerTheory.Mdps;

namespace PowerTheory.Tests.Polytope;

/// <summary>Small random MDPs for brute-force comparisons.</summary>
internal static class SmallRandomMdps
{
    /// <summary>A random MDP with 2–<paramref name="maxStates"/> states and 1–3 actions per state. Stochastic rows use
    /// 1–3 successors with random weights (dyadic or arbitrary doubles).</summary>
    public static Mdp Create(int seed, bool stochastic, int maxStates = 5)
    {
        var rng = new Random(seed);
        int n = rng.Next(2, maxStates + 1);
        var b = new MdpBuilder($"random-{seed}");
        for (int s = 0; s < n; s++) b.AddState($"s{s}");
        for (int s = 0; s < n; s++)
        {
            int actions = rng.Next(1, 4);
            for (int a = 0; a < actions; a++)
            {
                if (!stochastic || rng.NextDouble() < 0.3)
                {
                    b.AddAction($"s{s}", $"a{a}", $"s{rng.Next(n)}");
                    continue;
                }
                int k = rng.Next(2, Math.Min(3, n) + 1);
                // Ascending targets: rows that are equal in exact arithmetic (e.g. weights 1:2 and 2:4 on the same targets) then
                // get bit-identical probabilities, so exact deduplication and floating-point comparisons agree.
                var targets = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k).Order().ToArray();
                double[] w = rng.NextDouble() < 0.5
                    ? targets.Select(_ => (double)rng.Next(1, 4)).ToArray()
                    : targets.Select(_ => 0.1 + rng.NextDouble()).ToArray();
                double total = w.Sum();
                var probabilities = w.Select(x => x / total).ToArray();
                probabilities[^1] = 1 - probabilities.Take(k - 1).Sum();
                b.AddAction($"s{s}", $"a{a}", targets.Select((t, i) => ($"s{t}", probabilities[i])).ToArray());
            }
        }
        return b.Build();
    }
}

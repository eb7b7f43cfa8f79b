using CsCheck;
using PowerTheory.Mdps;

namespace PowerTheory.Tests;

/// <summary>A random MDP case for property tests: the MDP, a reward vector (both signs) and a discount.</summary>
public sealed record RandomCase(Mdp Mdp, double[] Rewards, double Gamma, int Seed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"seed {Seed}, γ = {Gamma:R}, {Mdp}, r = [{string.Join(", ", Rewards.Select(x => x.ToString("G4")))}]";
}

/// <summary>The one factory of random test MDPs, shared by every test folder: CsCheck generators of cases for property
/// tests, small seeded MDPs for brute-force comparisons, and MDPs with dyadic probabilities for exact-rational oracles.</summary>
public static class RandomMdps
{
    /// <summary>An MDP with <paramref name="states"/> states, 1..<paramref name="maxActions"/> actions per state and,
    /// when stochastic, 1..3 successors per action with random probabilities (normalised so each row sums to 1).</summary>
    public static Mdp Create(Random random, int states, int maxActions, bool stochastic)
    {
        var b = new MdpBuilder($"random-{states}");
        for (int s = 0; s < states; s++) b.AddState($"s{s}");
        for (int s = 0; s < states; s++)
        {
            int m = random.Next(1, maxActions + 1);
            for (int a = 0; a < m; a++)
            {
                if (!stochastic || random.NextDouble() < 0.3)
                {
                    b.AddAction($"s{s}", $"a{a}", $"s{random.Next(states)}");
                    continue;
                }
                int k = random.Next(1, Math.Min(3, states) + 1);
                var succ = Enumerable.Range(0, states).OrderBy(_ => random.Next()).Take(k).ToArray();
                var w = succ.Select(_ => 0.05 + random.NextDouble()).ToArray();
                double total = w.Sum();
                var outcomes = new (string, double)[k];
                double sum = 0;
                for (int i = 0; i < k; i++)
                {
                    double p = i == k - 1 ? 1 - sum : w[i] / total;
                    sum += p;
                    outcomes[i] = ($"s{succ[i]}", p);
                }
                b.AddAction($"s{s}", $"a{a}", outcomes);
            }
        }
        return b.Build();
    }

    /// <summary>A reward vector with entries in [−scale, scale].</summary>
    public static double[] Rewards(Random random, int n, double scale = 1) =>
        Enumerable.Range(0, n).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();

    /// <summary>Random cases: 1–<paramref name="maxStates"/> states, up to 3 actions, deterministic or stochastic,
    /// rewards of both signs (scale 10^[−3,3]), γ ∈ [0.01, 0.999].</summary>
    public static Gen<RandomCase> Cases(int maxStates = 8, int maxActions = 3) =>
        Gen.Select(Gen.Int[1, maxStates], Gen.Bool, Gen.Int, Gen.Double[0.01, 0.999], Gen.Int[-3, 3])
            .Select((n, stochastic, seed, gamma, exponent) =>
            {
                var random = new Random(seed);
                var mdp = Create(random, n, maxActions, stochastic);
                return new RandomCase(mdp, Rewards(random, n, Math.Pow(10, exponent)), gamma, seed);
            });

    /// <summary>‖v‖∞.</summary>
    public static double MaxAbs(IEnumerable<double> v) => v.Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <summary>A random MDP with 2–<paramref name="maxStates"/> states and 1–3 actions per state. Stochastic rows use
    /// 1–3 successors with random weights (dyadic or arbitrary doubles).</summary>
    public static Mdp Small(int seed, bool stochastic, int maxStates = 5)
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

    /// <summary>A random MDP with 2–4 states, 1–3 actions each and, when stochastic, dyadic probabilities (1/2, 1/4, 3/4),
    /// so that the double-precision model is exactly the rational one.</summary>
    public static Mdp Dyadic(int seed, bool stochastic)
    {
        var rng = new Random(seed);
        int n = rng.Next(2, 5);
        var b = new MdpBuilder($"dyadic-{seed}");
        for (int s = 0; s < n; s++) b.AddState($"s{s}");
        for (int s = 0; s < n; s++)
        {
            int actions = rng.Next(1, 4);
            for (int a = 0; a < actions; a++)
            {
                int x = rng.Next(n), y = rng.Next(n);
                if (!stochastic || x == y || rng.NextDouble() < 0.3)
                {
                    b.AddAction($"s{s}", $"a{a}", $"s{x}");
                    continue;
                }
                double p = new[] { 0.5, 0.25, 0.75 }[rng.Next(3)];
                b.AddAction($"s{s}", $"a{a}", ($"s{x}", p), ($"s{y}", 1 - p));
            }
        }
        return b.Build();
    }
}

using CsCheck;
using PowerTheory.Mdps;

namespace PowerTheory.Tests.Solvers;

/// <summary>A random MDP case for property tests: the MDP, a reward vector (both signs) and a discount.</summary>
public sealed record RandomCase(Mdp Mdp, double[] Rewards, double Gamma, int Seed)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"seed {Seed}, γ = {Gamma:R}, {Mdp}, r = [{string.Join(", ", Rewards.Select(x => x.ToString("G4")))}]";
}

/// <summary>Generators of small random MDPs (deterministic or stochastic) for property tests.</summary>
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
}

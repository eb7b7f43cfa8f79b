using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// PRDM's ε-greedy bandit learner (App. C, Lemma C.1 and Prop. C.2), simulated: k arms with fixed utilities u drawn IID
/// uniform on [0,1] per sample, value estimates Q = 0, learning rate 1 (an arm's estimate becomes its utility once
/// pulled). Each of the T trials pulls, with probability 1 − ε, a greedy arm (argmax Q, ties uniformly) and otherwise an
/// arm uniformly among the k − 1 others. After T trials the learner's choice is its greedy arm. Success means the choice
/// is the best arm; Lemma C.1 bounds its probability below by 1 − (1 − ε/(k−1))^T, since every trial before the best
/// arm is first pulled pulls it with probability at least ε/(k−1), and it stays greedy afterwards. The retargetability
/// side (Prop. C.2, {a₁} →^{k−1} {a₂ … a_k}) says at least (k−1)/k of every utility orbit chooses among a₂ … a_k.
/// </summary>
public static class EpsilonGreedyBandit
{
    /// <summary>Simulates the learner on <paramref name="samples"/> utility vectors.</summary>
    /// <param name="arms">k ≥ 2 (PRDM: 5).</param>
    /// <param name="trials">T ≥ 1 (PRDM: 100).</param>
    /// <param name="epsilon">ε ∈ [0,1] (PRDM: 0.1).</param>
    /// <param name="samples">N ≥ 2 utility vectors.</param>
    /// <param name="seed">The seed (sample i draws from the stream of (seed, i)).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter outside its range.</exception>
    public static BanditResult Simulate(int arms = 5, int trials = 100, double epsilon = 0.1, int samples = 100_000, ulong seed = 0)
    {
        if (arms < 2) throw new ArgumentOutOfRangeException(nameof(arms), arms, $"arms must be at least 2; got {arms}.");
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, $"trials must be at least 1; got {trials}.");
        if (!(epsilon >= 0 && epsilon <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon must be in [0, 1]; got {epsilon}.");
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples must be at least 2; got {samples}.");
        var u = new double[arms];
        var q = new double[arms];
        long successes = 0, first = 0;
        for (int i = 0; i < samples; i++)
        {
            var random = BlockRandom.ForBlock(seed, i);
            for (int a = 0; a < arms; a++) u[a] = random.NextDouble();
            Array.Clear(q);
            for (int t = 0; t < trials; t++)
            {
                int greedy = Greedy(q, random);
                int pull = random.NextDouble() < epsilon ? Other(greedy, arms, random) : greedy;
                q[pull] = u[pull];
            }
            int choice = Greedy(q, random);
            int best = Array.IndexOf(u, u.Max());
            if (choice == best) successes++;
            if (choice == 0) first++;
        }
        return new BanditResult(arms, trials, epsilon, Proportion(successes, samples), 1 - Math.Pow(1 - epsilon / (arms - 1), trials),
            Proportion(samples - first, samples), (arms - 1.0) / arms);
    }

    private static MonteCarloEstimate Proportion(long count, int n)
    {
        double p = (double)count / n;
        return new MonteCarloEstimate(p, Math.Sqrt(Math.Max(0, p * (1 - p)) / (n - 1)), n);
    }

    private static int Greedy(double[] q, Random random)
    {
        double best = q.Max();
        int ties = q.Count(x => x == best);
        int pick = ties == 1 ? 0 : random.Next(ties);
        for (int a = 0; a < q.Length; a++) if (q[a] == best && pick-- == 0) return a;
        return 0;
    }

    private static int Other(int greedy, int arms, Random random)
    {
        int k = random.Next(arms - 1);
        return k >= greedy ? k + 1 : k;
    }
}

using PowerTheory.Solvers;
using PowerTheory.DecisionMakers;
using PowerTheory.Mdps;
using PowerTheory.Tests.Power;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>
/// No NaN from near-deterministic policies: on random stochastic MDPs with soft-max policies at temperatures down to
/// 10⁻³ (action probabilities down to e^{−1000}, i.e. 0 or denormal), the long-run distribution P*_π(s,·) of the policy
/// chain equals an exact rational computation on the same double-valued chain (stationary distributions and absorption
/// probabilities by Gaussian elimination over ℚ), and the tendency engine's figures are finite.
/// </summary>
public class StablePolicyChainTests
{
    private const int Seed = 1306;

    internal static Mdp RandomMdp(Random random, int n)
    {
        var b = new MdpBuilder();
        var names = Enumerable.Range(0, n).Select(i => $"s{i}").ToArray();
        b.AddStates(names);
        for (int s = 0; s < n; s++)
            for (int a = 0; a < random.Next(1, 4); a++)
            {
                var targets = names.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                var w = targets.Select(_ => (double)random.Next(1, 6)).ToArray();
                b.AddAction(names[s], $"a{a}", targets.Select((t, i) => (t, w[i] / w.Sum())).ToArray());
            }
        return b.Build();
    }

    /// <summary>A soft-max policy over random action values at temperature T, computed in log space.</summary>
    internal static double[] SoftMax(Mdp mdp, Random random, double temperature)
    {
        var policy = new double[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
            var q = Enumerable.Range(0, k).Select(_ => random.NextDouble()).ToArray();
            double max = q.Max(), sum = q.Sum(v => Math.Exp((v - max) / temperature));
            for (int a = 0; a < k; a++) policy[first + a] = Math.Exp((q[a] - max) / temperature) / sum;
        }
        return policy;
    }

    /// <summary>P* of the chain P (given as exact rationals) from every state, by exact elimination.</summary>
    private static ExactRational[,] ExactLimit(ExactRational[,] p, int n)
    {
        // Reachability on the support, closed classes, then per class μ and absorption b: all over ℚ.
        var reach = new bool[n, n];
        for (int i = 0; i < n; i++)
        {
            reach[i, i] = true;
            for (int j = 0; j < n; j++) if (p[i, j] != ExactRational.Zero) reach[i, j] = true;
        }
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) reach[i, j] |= reach[i, k] && reach[k, j];
        var recurrent = Enumerable.Range(0, n).Where(i => Enumerable.Range(0, n).All(j => !reach[i, j] || reach[j, i])).ToArray();
        var classes = new List<int[]>();
        foreach (var i in recurrent)
            if (!classes.Any(c => c.Contains(i))) classes.Add(recurrent.Where(j => reach[i, j]).ToArray());
        var limit = new ExactRational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) limit[i, j] = ExactRational.Zero;
        var transient = Enumerable.Range(0, n).Where(i => !recurrent.Contains(i)).ToArray();
        foreach (var c in classes)
        {
            int m = c.Length;
            // μ(P_CC − I) = 0, Σμ = 1.
            var a = new ExactRational[m, m + 1];
            for (int row = 0; row < m; row++)
                for (int col = 0; col < m; col++)
                    a[row, col] = row == m - 1 ? ExactRational.One : p[c[col], c[row]] - (row == col ? ExactRational.One : ExactRational.Zero);
            for (int row = 0; row < m; row++) a[row, m] = row == m - 1 ? ExactRational.One : ExactRational.Zero;
            var mu = Solve(a, m);
            // Absorption into c from the transient states: (I − P_TT)·x = P_TC·1.
            int t = transient.Length;
            var bsys = new ExactRational[t, t + 1];
            for (int row = 0; row < t; row++)
            {
                for (int col = 0; col < t; col++)
                    bsys[row, col] = (row == col ? ExactRational.One : ExactRational.Zero) - p[transient[row], transient[col]];
                var rhs = ExactRational.Zero;
                foreach (var j in c) rhs += p[transient[row], j];
                bsys[row, t] = rhs;
            }
            var absorb = t == 0 ? [] : Solve(bsys, t);
            for (int i = 0; i < n; i++)
            {
                var into = c.Contains(i) ? ExactRational.One : transient.Contains(i) ? absorb[Array.IndexOf(transient, i)] : ExactRational.Zero;
                for (int k = 0; k < m; k++) limit[i, c[k]] += into * mu[k];
            }
        }
        return limit;
    }

    private static ExactRational[] Solve(ExactRational[,] a, int m)
    {
        for (int col = 0; col < m; col++)
        {
            int pivot = Enumerable.Range(col, m - col).First(r => a[r, col] != ExactRational.Zero);
            for (int k = 0; k <= m; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            for (int r = 0; r < m; r++)
            {
                if (r == col || a[r, col] == ExactRational.Zero) continue;
                var f = a[r, col] / a[col, col];
                for (int k = col; k <= m; k++) a[r, k] -= f * a[col, k];
            }
        }
        return Enumerable.Range(0, m).Select(r => a[r, m] / a[r, r]).ToArray();
    }

    [Test]
    public void LongRunDistributionsOfNearDeterministicChainsAreExact()
    {
        var random = new Random(Seed);
        double[] temperatures = [1, 0.1, 0.05, 0.01, 1e-3];
        for (int trial = 0; trial < 60; trial++)
        {
            int n = random.Next(2, 12);
            var mdp = RandomMdp(random, n);
            double temperature = temperatures[trial % temperatures.Length];
            var policy = SoftMax(mdp, random, temperature);
            var chain = new PolicyLongRun(mdp, policy);
            // The same chain in exact arithmetic: P(s,s') = Σ_a π(a|s)·T(s'|s,a) from the doubles, exactly.
            var p = new ExactRational[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i, j] = ExactRational.Zero;
            for (int s = 0; s < n; s++)
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    int sa = mdp.FirstStateAction(s) + a;
                    if (policy[sa] == 0) continue;
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    for (int k = 0; k < succ.Length; k++)
                        p[s, succ[k]] += ExactRational.FromDouble(policy[sa]) * ExactRational.FromDouble(prob[k]);
                }
            // The double policy's rows sum to 1 only within rounding; a chain is the row-normalised matrix (else
            // 1 − P(s,s) would be off by that rounding, which dwarfs exit probabilities of 10⁻⁸⁰).
            for (int i = 0; i < n; i++)
            {
                var total = ExactRational.Zero;
                for (int j = 0; j < n; j++) total += p[i, j];
                for (int j = 0; j < n; j++) p[i, j] /= total;
            }
            var exact = ExactLimit(p, n);
            for (int s = 0; s < n; s++)
            {
                var row = chain.LimitRow(s);
                for (int j = 0; j < n; j++)
                {
                    Assert.That(double.IsFinite(row[j]), Is.True, $"seed {Seed}, trial {trial}, T = {temperature}: P*({s},{j}) = {row[j]}");
                    double truth = exact[s, j].ToDouble();
                    Assert.That(row[j], Is.EqualTo(truth).Within(1e-9 + 1e-7 * truth),
                        $"seed {Seed}, trial {trial}, T = {temperature}: P*({s},{j})");
                }
            }
        }
    }

    [Test]
    public void BoltzmannTendenciesAtLowTemperatureAreFiniteOnRandomStochasticMdps()
    {
        var random = new Random(Seed + 1);
        for (int trial = 0; trial < 12; trial++)
        {
            var mdp = RandomMdp(random, 11);
            foreach (double temperature in new[] { 0.05, 1e-3 })
            {
                var result = new TendencyEstimator(mdp).Estimate([new BoltzmannDecisionMaker(temperature)], trial % 2 == 0 ? 0.9 : 0.5, 0,
                    new TendencyOptions { Samples = 60, Seed = 3, Threads = 1, Avoid = [5] });
                var d = result.DecisionMakers[0];
                string where = $"seed {Seed + 1}, trial {trial}, T = {temperature}";
                Assert.That(double.IsFinite(d.Avoid!.Value.Mean) && double.IsFinite(d.Avoid.Value.StandardError), Is.True, $"{where}: {d.Avoid}");
                Assert.That(d.Avoid.Value.Mean, Is.InRange(-1e-12, 1 + 1e-12), where);
                foreach (var a in d.ActionProbabilities) Assert.That(double.IsFinite(a.Mean) && double.IsFinite(a.StandardError), Is.True, where);
                foreach (var x in d.Power!) Assert.That(double.IsFinite(x.Mean) && double.IsFinite(x.StandardError), Is.True, where);
            }
        }
    }
}

using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Tests.Power;

/// <summary>
/// Brute-force oracle for the endpoint optimal-action sets: every deterministic policy is evaluated exactly, in rational
/// arithmetic, at one discount γ₀; V*(s) is the largest value over all policies, and a is optimal at s when
/// r(s) + γ₀·Σ T(s'|s,a)·V*(s') = V*(s) exactly. With γ₀ = 1 − 2⁻ᵏ (or 2⁻ᵏ) for large k this is the lexicographic
/// comparison of the Laurent (Taylor) coefficients, i.e. the Blackwell (γ → 0) limit: with dyadic rewards and
/// probabilities the first differing coefficient of two policies is a rational with a bounded denominator, which the
/// remaining terms (of size O(2⁻ᵏ)) cannot outweigh. Each row's probabilities are rescaled to sum to exactly 1 (a
/// double row that sums to 1 only up to rounding would otherwise leak mass, which matters as γ → 1). Shares no code with
/// the library's solvers.
/// </summary>
internal static class ExactOptimalActions
{
    public static bool[] At(Mdp mdp, IReadOnlyList<double> reward, ExactRational gamma, out ExactRational[] optimalValues)
    {
        int n = mdp.StateCount;
        var r = reward.Select(ExactRational.FromDouble).ToArray();
        var best = new ExactRational[n];
        bool first = true;
        foreach (var pi in Policy.EnumerateAll(mdp, limit: 10_000))
        {
            var v = Evaluate(mdp, pi, r, gamma);
            for (int s = 0; s < n; s++)
                if (first || v[s] > best[s]) best[s] = v[s];
            first = false;
        }
        var optimal = new bool[mdp.StateActionCount];
        for (int sa = 0; sa < optimal.Length; sa++)
        {
            int s = mdp.StateOf(sa);
            var e = ExactRational.Zero;
            var succ = mdp.Successors(sa);
            var prob = Row(mdp, sa);
            for (int k = 0; k < succ.Length; k++) e += prob[k] * best[succ[k]];
            optimal[sa] = r[s] + gamma * e == best[s];
        }
        optimalValues = best;
        return optimal;
    }

    /// <summary>The exact probabilities of a row, rescaled to sum to exactly 1.</summary>
    private static ExactRational[] Row(Mdp mdp, int sa)
    {
        var p = mdp.Probabilities(sa).ToArray().Select(ExactRational.FromDouble).ToArray();
        var total = p.Aggregate(ExactRational.Zero, (x, y) => x + y);
        return p.Select(x => x / total).ToArray();
    }

    /// <summary>Solves (I − γP_π)V = r by Gauss–Jordan elimination in exact arithmetic.</summary>
    private static ExactRational[] Evaluate(Mdp mdp, Policy pi, ExactRational[] r, ExactRational gamma)
    {
        int n = mdp.StateCount;
        var a = new ExactRational[n, n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) a[i, j] = i == j ? ExactRational.One : ExactRational.Zero;
            a[i, n] = r[i];
            int sa = pi.StateActionAt(i);
            var succ = mdp.Successors(sa);
            var prob = Row(mdp, sa);
            for (int k = 0; k < succ.Length; k++) a[i, succ[k]] -= gamma * prob[k];
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            while (a[pivot, col] == ExactRational.Zero) pivot++;
            if (pivot != col)
                for (int j = 0; j <= n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            var p = a[col, col];
            for (int j = col; j <= n; j++) a[col, j] /= p;
            for (int i = 0; i < n; i++)
            {
                if (i == col || a[i, col] == ExactRational.Zero) continue;
                var f = a[i, col];
                for (int j = col; j <= n; j++) a[i, j] -= f * a[col, j];
            }
        }
        return Enumerable.Range(0, n).Select(i => a[i, n]).ToArray();
    }
}

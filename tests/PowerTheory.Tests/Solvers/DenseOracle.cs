using PowerTheory.Mdps;

namespace PowerTheory.Tests.Solvers;

/// <summary>An independent oracle: dense Gaussian elimination with partial pivoting, written out by hand for tests.</summary>
public static class DenseOracle
{
    /// <summary>Solves A·x = b (A is n×n, copied).</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (pivot != col)
            {
                for (int k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (int row = col + 1; row < n; row++)
            {
                double f = m[row, col] / m[col, col];
                if (f == 0) continue;
                for (int k = col; k < n; k++) m[row, k] -= f * m[col, k];
                x[row] -= f * x[col];
            }
        }
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = x[row];
            for (int k = row + 1; k < n; k++) sum -= m[row, k] * x[k];
            x[row] = sum / m[row, row];
        }
        return x;
    }

    /// <summary>The dense matrix T_π[s, s'] = Σ_a π(a|s)·T(s'|s,a), with π given as probabilities per (s, a).</summary>
    public static double[,] PolicyTransitions(Mdp mdp, Func<int, int, double> pi)
    {
        int n = mdp.StateCount;
        var t = new double[n, n];
        for (int s = 0; s < n; s++)
        {
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                double p = pi(s, a);
                if (p == 0) continue;
                for (int k = 0; k < n; k++) t[s, k] += p * mdp.TransitionProbability(s, a, k);
            }
        }
        return t;
    }

    /// <summary>V^π = (I − γT_π)⁻¹·r by hand.</summary>
    public static double[] Values(Mdp mdp, Func<int, int, double> pi, double[] r, double gamma)
    {
        var t = PolicyTransitions(mdp, pi);
        int n = r.Length;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            a[i, j] = (i == j ? 1 : 0) - gamma * t[i, j];
        return Solve(a, r);
    }

    /// <summary>f^{π,s} = (I − γT_π)⁻ᵀ·e_s by hand.</summary>
    public static double[] Visits(Mdp mdp, Func<int, int, double> pi, int start, double gamma)
    {
        var t = PolicyTransitions(mdp, pi);
        int n = mdp.StateCount;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            a[i, j] = (i == j ? 1 : 0) - gamma * t[j, i];
        var e = new double[n];
        e[start] = 1;
        return Solve(a, e);
    }

    /// <summary>(I − γP_π) (or its transpose) as a dense matrix for the stationary policy π(a|s) given per global state-action, built from the MDP's rows here (not through the library's matrices).</summary>
    public static double[,] PolicySystem(Mdp mdp, double[] policy, double gamma, bool transposed)
    {
        int n = mdp.StateCount;
        var a = new double[n, n];
        for (int s = 0; s < n; s++) a[s, s] = 1;
        for (int sa = 0; sa < mdp.StateActionCount; sa++)
        {
            if (policy[sa] == 0) continue;
            int s = mdp.StateOf(sa);
            var succ = mdp.Successors(sa);
            var prob = mdp.Probabilities(sa);
            for (int j = 0; j < succ.Length; j++)
            {
                if (transposed) a[succ[j], s] -= gamma * policy[sa] * prob[j];
                else a[s, succ[j]] -= gamma * policy[sa] * prob[j];
            }
        }
        return a;
    }
}

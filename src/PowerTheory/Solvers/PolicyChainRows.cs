using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The state-to-state rows P_π(s,·) = Σ_a π(a|s)·T(·|s,a) of a stationary stochastic policy (π per global
/// state-action) in CSR form, each row's successors ascending; the terms of an entry are added in action order.
/// </summary>
/// <param name="RowStart">Row s is entries RowStart[s] … RowStart[s+1] − 1.</param>
/// <param name="Columns">The successor of each entry.</param>
/// <param name="Values">The probability of each entry.</param>
internal sealed record PolicyChainRows(int[] RowStart, int[] Columns, double[] Values)
{
    /// <summary>The rows of <paramref name="pi"/> on <paramref name="mdp"/>. With <paramref name="keepTinyEdges"/> a
    /// term below the double range (a policy probability of 1e-320 times 0.2) counts as the smallest positive double, so
    /// that the chain's graph, and with it its classes, is the policy's.</summary>
    public static PolicyChainRows Of(Mdp mdp, ReadOnlySpan<double> pi, bool keepTinyEdges)
    {
        int n = mdp.StateCount;
        var rowStart = new int[n + 1];
        var cols = new List<int>();
        var vals = new List<double>();
        var sum = new double[n];
        var seen = new bool[n];
        var touched = new List<int>();
        for (int s = 0; s < n; s++)
        {
            rowStart[s] = cols.Count;
            for (int sa = mdp.FirstStateAction(s); sa < mdp.FirstStateAction(s) + mdp.ActionCount(s); sa++)
            {
                double w = pi[sa];
                if (w == 0) continue;
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                for (int k = 0; k < succ.Length; k++)
                {
                    int t = succ[k];
                    if (!seen[t]) { seen[t] = true; touched.Add(t); }
                    sum[t] += keepTinyEdges ? Math.Max(w * prob[k], double.Epsilon) : w * prob[k];
                }
            }
            touched.Sort();
            foreach (int t in touched)
            {
                cols.Add(t);
                vals.Add(sum[t]);
                sum[t] = 0;
                seen[t] = false;
            }
            touched.Clear();
        }
        rowStart[n] = cols.Count;
        return new PolicyChainRows(rowStart, cols.ToArray(), vals.ToArray());
    }
}

using MathNet.Numerics.LinearAlgebra;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Visits;

/// <summary>
/// The recurrent state distribution (RSD) of a deterministic stationary policy from a start state,
/// d^{π,s} = lim_{γ→1} (1−γ)·f^{π,s}(γ) (OPTSP §1.5 / Prop. E.50: d ≥ 0, ‖d‖₁ = 1), computed exactly from the policy's
/// Markov chain rather than by taking γ close to 1:
/// d = Σ_K P_s(absorbed in K)·μ_K, over the recurrent classes K (the closed strongly connected components of the chain
/// restricted to the states reached from s, <see cref="RecurrentClasses"/>), with μ_K the unique stationary distribution of K
/// (μ_K T_K = μ_K, Σμ_K = 1) and the absorption probabilities h solving (I − T_{TT})·h = T_{TK}·1 on the transient states.
/// </summary>
public static class RecurrentStateDistribution
{
    /// <summary>Computes d^{π,s}; one entry per state of the MDP, zero off the recurrent classes reached from s.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="policy">A deterministic stationary policy of <paramref name="mdp"/>.</param>
    /// <param name="start">The start state s.</param>
    public static double[] Compute(Mdp mdp, Policy policy, int start)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        PolicyEvaluation.CheckSameMdp(mdp, policy.Mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        var actions = policy.ActionSpan;
        var reached = Reachability.UnderPolicy(mdp, actions, start);
        var d = new double[mdp.StateCount];
        if (mdp.IsDeterministic)
        {
            // The path from s ends in one cycle; the limit is uniform on it.
            var path = FunctionalGraphCycles.PathToCycle(PolicyEvaluation.SuccessorsOf(mdp, policy), start, out int k);
            for (int t = k; t < path.Length; t++) d[path[t]] = 1.0 / (path.Length - k);
            return d;
        }

        var globalPolicy = new int[mdp.StateCount];
        for (int u = 0; u < globalPolicy.Length; u++) globalPolicy[u] = policy.StateActionAt(u);
        var classOf = new int[mdp.StateCount];
        int classCount = RecurrentClasses.Find(mdp, globalPolicy, reached, classOf);
        var transient = reached.Where(u => classOf[u] < 0).ToArray();
        var transientIndex = new Dictionary<int, int>();
        for (int i = 0; i < transient.Length; i++) transientIndex[transient[i]] = i;
        Matrix<double>? transientSystem = null;
        if (transient.Length > 0)
        {
            // The matrix and its LU factors; checked first (9·10⁴ transient states would need 195 GB, and overflow the
            // dense matrix's index before that).
            Budgets.MemoryBudget.Require(2 * Budgets.MemoryEstimate.DenseMatrix(transient.Length),
                $"the dense absorption system of a recurrent state distribution ({transient.Length} transient states)", "use a smaller model");
            transientSystem = Matrix<double>.Build.DenseIdentity(transient.Length);
            for (int i = 0; i < transient.Length; i++)
            {
                int sa = mdp.FirstStateAction(transient[i]) + actions[transient[i]];
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                for (int j = 0; j < succ.Length; j++)
                    if (transientIndex.TryGetValue(succ[j], out int col)) transientSystem[i, col] -= prob[j];
            }
        }
        var lu = transientSystem?.LU();

        for (int c = 0; c < classCount; c++)
        {
            var members = reached.Where(u => classOf[u] == c).ToArray();
            double absorption;
            if (classOf[start] == c) absorption = 1;
            else if (!transientIndex.ContainsKey(start)) absorption = 0;
            else
            {
                var rhs = Vector<double>.Build.Dense(transient.Length);
                for (int i = 0; i < transient.Length; i++)
                {
                    int sa = mdp.FirstStateAction(transient[i]) + actions[transient[i]];
                    var succ = mdp.Successors(sa);
                    var prob = mdp.Probabilities(sa);
                    for (int j = 0; j < succ.Length; j++)
                        if (classOf[succ[j]] == c) rhs[i] += prob[j];
                }
                absorption = lu!.Solve(rhs)[transientIndex[start]];
            }
            if (absorption <= 0) continue;
            var mu = StationaryDistribution(mdp, actions, members);
            for (int i = 0; i < members.Length; i++) d[members[i]] += absorption * mu[i];
        }
        for (int i = 0; i < d.Length; i++)
            if (d[i] < 0 && d[i] > -1e-12) d[i] = 0;
        return d;
    }

    /// <summary>The stationary distribution of an irreducible closed class: μ(I − T_K) = 0 with one equation replaced by Σμ = 1.</summary>
    private static double[] StationaryDistribution(Mdp mdp, ReadOnlySpan<int> actions, int[] members)
    {
        int m = members.Length;
        if (m == 1) return new[] { 1.0 };
        Budgets.MemoryBudget.Require(2 * Budgets.MemoryEstimate.DenseMatrix(m),
            $"the dense stationary-distribution system of a recurrent class of {m} states", "use a smaller model");
        var index = new Dictionary<int, int>();
        for (int i = 0; i < m; i++) index[members[i]] = i;
        // Unknown μ as a column: (I − T_K)ᵀ μ = 0, last row replaced by 1ᵀμ = 1.
        var a = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        {
            a[i, i] += 1;
            int sa = mdp.FirstStateAction(members[i]) + actions[members[i]];
            var succ = mdp.Successors(sa);
            var prob = mdp.Probabilities(sa);
            for (int j = 0; j < succ.Length; j++) a[index[succ[j]], i] -= prob[j];
        }
        for (int i = 0; i < m; i++) a[m - 1, i] = 1;
        var b = Vector<double>.Build.Dense(m);
        b[m - 1] = 1;
        return a.Solve(b).ToArray();
    }
}

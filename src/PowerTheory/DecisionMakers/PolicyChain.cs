using MathNet.Numerics.LinearAlgebra;
using PowerTheory.Mdps;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The Markov chain P_π(s,s') = Σ_a π(a|s)·T(s'|s,a) of a stochastic policy, dense, with the two quantities the
/// tendency engine needs:
/// <list type="bullet">
/// <item>discounted values V^π = (I − γP_π)⁻¹·r for γ ∈ [0,1) (dense LU);</item>
/// <item>the Cesàro limit P*_π = lim_{T→∞} (1/T)·Σ_{t&lt;T} P_π^t: on each closed communicating (recurrent) class C its
/// stationary distribution μ_C (μ_C·(P_CC − I) = 0, Σμ_C = 1, by the subtraction-free GTH reduction), and from a transient state the absorption probabilities
/// b(s,C), which solve (I − P_TT)·b(·,C) = P_{T,C}·1. Then P*(s,·) = Σ_C b(s,C)·μ_C, the long-run distribution from s,
/// and the gain g^π = P*_π·r is the γ → 1 limit of (1−γ)·V^π (docs/beyond-optimality.md).</item>
/// </list>
/// Dense: refused above <see cref="MaxStates"/> states.
/// </summary>
internal sealed class PolicyChain
{
    /// <summary>The largest MDP the dense chain accepts.</summary>
    public const int MaxStates = 1200;

    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly double[] _p;
    private List<int[]>? _classes;
    private List<double[]>? _stationary;
    private double[,]? _absorption; // [state, class]

    public PolicyChain(Mdp mdp, ReadOnlySpan<double> policy)
    {
        if (mdp.StateCount > MaxStates)
            throw new ArgumentException($"policy chains are dense; the MDP has {mdp.StateCount} states, more than {MaxStates}.", nameof(mdp));
        _mdp = mdp;
        _n = mdp.StateCount;
        _p = new double[_n * _n];
        for (int s = 0; s < _n; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
            for (int a = 0; a < k; a++)
            {
                double w = policy[first + a];
                if (w == 0) continue;
                var succ = mdp.Successors(first + a);
                var prob = mdp.Probabilities(first + a);
                // A product below the double range still is an edge of the chain (a policy probability of 1e-320
                // times 0.2): kept as the smallest positive double so that the chain's classes are those of the policy.
                for (int j = 0; j < succ.Length; j++) _p[s * _n + succ[j]] += Math.Max(w * prob[j], double.Epsilon);
            }
        }
    }

    /// <summary>V^π = (I − γP_π)⁻¹·r, γ ∈ [0,1).</summary>
    public double[] Values(ReadOnlySpan<double> r, double gamma)
    {
        var a = Matrix<double>.Build.Dense(_n, _n, (i, j) => (i == j ? 1.0 : 0.0) - gamma * _p[i * _n + j]);
        return a.LU().Solve(Vector<double>.Build.DenseOfArray(r.ToArray())).ToArray();
    }

    /// <summary>The discounted visit distribution d = e_sᵀ(I − γP_π)⁻¹ from <paramref name="state"/> (V^π(s) = d·r), γ ∈ [0,1).</summary>
    public double[] Visits(int state, double gamma)
    {
        var a = Matrix<double>.Build.Dense(_n, _n, (i, j) => (i == j ? 1.0 : 0.0) - gamma * _p[j * _n + i]);
        var e = Vector<double>.Build.Dense(_n);
        e[state] = 1;
        return a.LU().Solve(e).ToArray();
    }

    /// <summary>P*_π(s,·), the long-run distribution from <paramref name="state"/>.</summary>
    public double[] LimitRow(int state)
    {
        Decompose();
        var row = new double[_n];
        for (int c = 0; c < _classes!.Count; c++)
        {
            double b = _absorption![state, c];
            if (b == 0) continue;
            var members = _classes[c];
            for (int i = 0; i < members.Length; i++) row[members[i]] += b * _stationary![c][i];
        }
        return row;
    }

    /// <summary>The gain g^π = P*_π·r for every state.</summary>
    public double[] Gains(ReadOnlySpan<double> r)
    {
        Decompose();
        var classGain = new double[_classes!.Count];
        for (int c = 0; c < classGain.Length; c++)
            for (int i = 0; i < _classes[c].Length; i++) classGain[c] += _stationary![c][i] * r[_classes[c][i]];
        var g = new double[_n];
        for (int s = 0; s < _n; s++)
            for (int c = 0; c < classGain.Length; c++) g[s] += _absorption![s, c] * classGain[c];
        return g;
    }

    private void Decompose()
    {
        if (_classes is not null) return;
        var states = Enumerable.Range(0, _n).ToArray();
        var classOfState = new int[_n];
        int count = RecurrentClasses.Find(states, s => states.Where(t => _p[s * _n + t] > 0), classOfState);
        _classes = Enumerable.Range(0, count).Select(c => states.Where(s => classOfState[s] == c).ToArray()).ToList();
        _stationary = _classes.Select(Stationary).ToList();
        _absorption = new double[_n, _classes.Count];
        var transient = states.Where(s => classOfState[s] < 0).ToArray();
        for (int s = 0; s < _n; s++)
            if (classOfState[s] >= 0) _absorption[s, classOfState[s]] = 1;
        if (transient.Length == 0) return;
        Absorb(transient, classOfState, _classes.Count);
    }

    /// <summary>
    /// The absorption probabilities b(s, C) from the transient states, by state reduction without subtraction (the
    /// absorbing-chain form of the GTH reduction): every row is first divided by its probability of leaving (so
    /// self-loops within rounding of 1 drop out exactly), then transient states are eliminated one by one, each
    /// redistributing its row over the states still present, and b is recovered by back substitution — sums of
    /// non-negative terms and divisions only, so tiny exit probabilities keep their relative accuracy.
    /// </summary>
    private void Absorb(int[] transient, int[] classOfState, int classes)
    {
        int m = transient.Length, width = m + classes;
        var position = new Dictionary<int, int>();
        for (int i = 0; i < m; i++) position[transient[i]] = i;
        // w[i, j]: j < m a transient state, j ≥ m a class; the diagonal is never used.
        var w = new double[m, width];
        for (int i = 0; i < m; i++)
        {
            int s = transient[i];
            double leave = Leaving(s);
            for (int t = 0; t < _n; t++)
            {
                double p = _p[s * _n + t];
                if (p == 0 || t == s) continue;
                int j = classOfState[t] >= 0 ? m + classOfState[t] : position[t];
                w[i, j] += p / leave;
            }
        }
        for (int k = m - 1; k > 0; k--)
        {
            double leave = 0;
            for (int j = 0; j < k; j++) leave += w[k, j];
            for (int c = m; c < width; c++) leave += w[k, c];
            if (!(leave > 0)) leave = double.Epsilon; // only underflow can empty a transient row
            for (int i = 0; i < k; i++)
            {
                double via = w[i, k];
                if (via == 0) continue;
                double f = via / leave;
                w[i, k] = 0;
                for (int j = 0; j < k; j++)
                    if (j != i && w[k, j] != 0) w[i, j] += f * w[k, j];
                for (int c = m; c < width; c++)
                    if (w[k, c] != 0) w[i, c] += f * w[k, c];
            }
        }
        // Back substitution: state k's row now refers to states 0..k−1 and the classes only.
        var b = new double[m, classes];
        for (int k = 0; k < m; k++)
        {
            double total = 0;
            for (int j = 0; j < k; j++) total += w[k, j];
            for (int c = 0; c < classes; c++) total += w[k, m + c];
            if (!(total > 0)) total = double.Epsilon;
            for (int c = 0; c < classes; c++)
            {
                double x = w[k, m + c];
                for (int j = 0; j < k; j++)
                    if (w[k, j] != 0) x += w[k, j] * b[j, c];
                b[k, c] = Math.Min(1, x / total);
            }
        }
        for (int i = 0; i < m; i++)
            for (int c = 0; c < classes; c++) _absorption![transient[i], c] = b[i, c];
    }

    /// <summary>
    /// The stationary distribution of one recurrent class by the Grassmann–Taksar–Heyman state reduction: states are
    /// eliminated one by one, each step dividing by the probability of leaving the eliminated state towards the
    /// remaining ones (a sum of positive entries, never 1 − P(s,s)), and updating with products and sums of non-negative
    /// numbers only. No subtraction happens, so a near-deterministic chain (a Boltzmann policy at a tiny temperature,
    /// leaving probabilities of 10⁻³⁰⁰) keeps full relative accuracy where an LU solve of μ(P − I) = 0 loses it.
    /// </summary>
    private double[] Stationary(int[] members)
    {
        int m = members.Length;
        if (m == 1) return [1.0];
        // Rows divided by their probability of leaving: the jump chain, whose stationary distribution μ_J gives
        // μ(i) ∝ μ_J(i) / leave(i); its entries are O(1) even when a row's exits are 10⁻³⁰⁰ (no denormal products).
        var q = new double[m, m];
        var leaving = new double[m];
        for (int i = 0; i < m; i++)
        {
            leaving[i] = Leaving(members[i]);
            for (int j = 0; j < m; j++)
                if (i != j) q[i, j] = _p[members[i] * _n + members[j]] / leaving[i];
        }
        for (int k = m - 1; k > 0; k--)
        {
            double leave = 0;
            for (int j = 0; j < k; j++) leave += q[k, j];
            if (!(leave > 0))
            {
                // Only underflow can make it 0 in a class that the graph says is recurrent: the state is then, to double
                // precision, not left towards the others, so it keeps (almost) all the mass it receives.
                leave = double.Epsilon;
            }
            for (int i = 0; i < k; i++) q[i, k] /= leave;
            for (int i = 0; i < k; i++)
            {
                double via = q[i, k];
                if (via == 0) continue;
                for (int j = 0; j < k; j++)
                    if (i != j && q[k, j] != 0) q[i, j] += via * q[k, j];
            }
        }
        var mu = new double[m];
        mu[0] = 1;
        double total = 1;
        for (int k = 1; k < m; k++)
        {
            double x = 0;
            for (int i = 0; i < k; i++) x += mu[i] * q[i, k];
            mu[k] = x;
            total += x;
        }
        if (!double.IsFinite(total))
        {
            // Some masses overflowed (after the underflow guard above): they dominate every finite one, so the
            // distribution is shared among them.
            for (int k = 0; k < m; k++) mu[k] = double.IsPositiveInfinity(mu[k]) ? 1 : 0;
            total = mu.Sum();
        }
        // Back from the jump chain: μ(i) ∝ μ_J(i) / leave(i), normalised in a scale that cannot overflow.
        double scale = 0, minLeaving = leaving.Min();
        for (int k = 0; k < m; k++) scale = Math.Max(scale, mu[k] / total);
        var result = new double[m];
        double sum = 0;
        for (int k = 0; k < m; k++)
        {
            result[k] = mu[k] / total / scale * (minLeaving / leaving[k]); // both factors ≤ 1: no overflow
            sum += result[k];
        }
        for (int k = 0; k < m; k++) result[k] /= sum;
        return result;
    }

    /// <summary>Σ_{t≠s} P(s,t), the probability of leaving s in one step.</summary>
    private double Leaving(int s)
    {
        double sum = 0;
        for (int t = 0; t < _n; t++) if (t != s) sum += _p[s * _n + t];
        return sum;
    }
}

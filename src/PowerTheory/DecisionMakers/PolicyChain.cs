using MathNet.Numerics.LinearAlgebra;
using PowerTheory.Mdps;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The Markov chain P_π(s,s') = Σ_a π(a|s)·T(s'|s,a) of a stochastic policy, dense, with the two quantities the
/// tendency engine needs:
/// <list type="bullet">
/// <item>discounted values V^π = (I − γP_π)⁻¹·r for γ ∈ [0,1) (dense LU);</item>
/// <item>the Cesàro limit P*_π = lim_{T→∞} (1/T)·Σ_{t&lt;T} P_π^t: on each closed communicating (recurrent) class C its
/// stationary distribution μ_C (μ_C·(P_CC − I) = 0, Σμ_C = 1), and from a transient state the absorption probabilities
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
                for (int j = 0; j < succ.Length; j++) _p[s * _n + succ[j]] += w * prob[j];
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
        int m = transient.Length, k = _classes.Count;
        // I − P_TT with the diagonal written as the probability of leaving (Σ_{t≠s} P(s,t), equal to 1 − P(s,s) in exact
        // arithmetic): no cancellation when P(s,s) is within rounding of 1 (e.g. a Boltzmann policy at a tiny temperature).
        var a = Matrix<double>.Build.Dense(m, m, (i, j) => i == j ? Leaving(transient[i]) : -_p[transient[i] * _n + transient[j]]);
        var b = Matrix<double>.Build.Dense(m, k);
        for (int i = 0; i < m; i++)
            for (int t = 0; t < _n; t++)
            {
                double p = _p[transient[i] * _n + t];
                if (p > 0 && classOfState[t] >= 0) b[i, classOfState[t]] += p;
            }
        var x = a.LU().Solve(b);
        for (int i = 0; i < m; i++)
            for (int c = 0; c < k; c++) _absorption[transient[i], c] = Math.Max(0, x[i, c]);
    }

    private double[] Stationary(int[] members)
    {
        int m = members.Length;
        if (m == 1) return [1.0];
        // μ(P_CC − I) = 0 with the last equation replaced by Σμ = 1: (P_CCᵀ − I) rows 0..m−2, then a row of ones.
        var a = Matrix<double>.Build.Dense(m, m, (i, j) =>
            i == m - 1 ? 1.0 : i == j ? -Leaving(members[i]) : _p[members[j] * _n + members[i]]);
        var rhs = Vector<double>.Build.Dense(m);
        rhs[m - 1] = 1;
        return a.LU().Solve(rhs).Select(v => Math.Max(0, v)).ToArray();
    }

    /// <summary>Σ_{t≠s} P(s,t), the probability of leaving s in one step.</summary>
    private double Leaving(int s)
    {
        double sum = 0;
        for (int t = 0; t < _n; t++) if (t != s) sum += _p[s * _n + t];
        return sum;
    }
}

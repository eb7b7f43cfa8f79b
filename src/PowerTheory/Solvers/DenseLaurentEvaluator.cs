using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// <see cref="LaurentEvaluator"/> on a stochastic MDP by dense LU factorisations (MathNet). The recurrent classes of the
/// policy are its closed strongly connected components (<see cref="RecurrentClasses"/>). On a class C with stationary distribution μ
/// (μ(I − P_CC + 𝟙𝟙ᵀ) = 𝟙ᵀ), the gain is μ·r and the solution of (I−P)y = b with μ·y = 0 is the solution of the
/// non-singular system (I − P_CC + 𝟙μᵀ)y = b (Kemeny and Snell's fundamental matrix); on the transient states T,
/// (I − P_TT)y_T = b_T + P_{T,·∖T}·y. O(|S|³) per policy and O(|S|²) per solve.
/// </summary>
internal sealed class DenseLaurentEvaluator : LaurentEvaluator
{
    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly int[] _policy;
    private readonly int[] _allStates;
    private readonly int[] _classOf;       // recurrent class index, or −1 for transient states
    private readonly int[] _local;         // index within the class or within the transient set
    private readonly List<int[]> _classes = [];
    private readonly List<double[]> _stationary = [];
    private readonly List<LU<double>> _classLu = [];
    private int[] _transient = [];
    private LU<double>? _transientLu;

    public DenseLaurentEvaluator(Mdp mdp)
    {
        _mdp = mdp;
        _n = mdp.StateCount;
        _policy = new int[_n];
        _allStates = Enumerable.Range(0, _n).ToArray();
        _classOf = new int[_n];
        _local = new int[_n];
    }

    public override void SetPolicy(ReadOnlySpan<int> policy)
    {
        policy[.._n].CopyTo(_policy);
        int classes = RecurrentClasses.Find(_mdp, _policy, _allStates, _classOf);
        _classes.Clear();
        _stationary.Clear();
        _classLu.Clear();
        var members = Enumerable.Range(0, classes).Select(_ => new List<int>()).ToList();
        var transient = new List<int>();
        for (int s = 0; s < _n; s++)
        {
            var list = _classOf[s] < 0 ? transient : members[_classOf[s]];
            _local[s] = list.Count;
            list.Add(s);
        }
        foreach (var list in members)
        {
            var states = list.ToArray();
            int m = states.Length;
            var a = Matrix<double>.Build.Dense(m, m);
            for (int i = 0; i < m; i++)
            {
                a[i, i] += 1;
                AddRow(states[i], i, a, -1.0);
            }
            // μ(I − P + 𝟙𝟙ᵀ) = 𝟙ᵀ, i.e. (I − P + 𝟙𝟙ᵀ)ᵀμ = 𝟙.
            var withOnes = a.Add(1.0);
            var mu = withOnes.Transpose().LU().Solve(Vector<double>.Build.Dense(m, 1.0)).ToArray();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++)
                    a[i, j] += mu[j];
            _classes.Add(states);
            _stationary.Add(mu);
            _classLu.Add(a.LU());
        }
        _transient = transient.ToArray();
        if (_transient.Length > 0)
        {
            int m = _transient.Length;
            var a = Matrix<double>.Build.Dense(m, m);
            for (int i = 0; i < m; i++)
            {
                a[i, i] += 1;
                AddRow(_transient[i], i, a, -1.0);
            }
            _transientLu = a.LU();
        }
        else
        {
            _transientLu = null;
        }
    }

    /// <summary>Adds factor·P(s,t) at [row, local(t)] for every successor t in the same block as s.</summary>
    private void AddRow(int s, int row, Matrix<double> a, double factor)
    {
        int sa = _policy[s];
        var succ = _mdp.Successors(sa);
        var prob = _mdp.Probabilities(sa);
        for (int k = 0; k < succ.Length; k++)
            if (_classOf[succ[k]] == _classOf[s]) a[row, _local[succ[k]]] += factor * prob[k];
    }

    public override void Gain(ReadOnlySpan<double> r, Span<double> gain)
    {
        for (int c = 0; c < _classes.Count; c++)
        {
            var states = _classes[c];
            var mu = _stationary[c];
            double g = 0;
            for (int i = 0; i < states.Length; i++) g += mu[i] * r[states[i]];
            foreach (int s in states) gain[s] = g;
        }
        SolveTransient(default, gain, withRightHandSide: false);
    }

    public override void Solve(ReadOnlySpan<double> b, Span<double> y)
    {
        for (int c = 0; c < _classes.Count; c++)
        {
            var states = _classes[c];
            var rhs = Vector<double>.Build.Dense(states.Length);
            for (int i = 0; i < states.Length; i++) rhs[i] = b[states[i]];
            var x = _classLu[c].Solve(rhs);
            for (int i = 0; i < states.Length; i++) y[states[i]] = x[i];
        }
        SolveTransient(b, y, withRightHandSide: true);
    }

    /// <summary>(I − P_TT)y_T = b_T + P_{T,R}·y_R, with y already set on the recurrent states R.</summary>
    private void SolveTransient(ReadOnlySpan<double> b, Span<double> y, bool withRightHandSide)
    {
        if (_transientLu is null) return;
        var rhs = Vector<double>.Build.Dense(_transient.Length);
        for (int i = 0; i < _transient.Length; i++)
        {
            int s = _transient[i];
            double v = withRightHandSide ? b[s] : 0;
            var succ = _mdp.Successors(_policy[s]);
            var prob = _mdp.Probabilities(_policy[s]);
            for (int k = 0; k < succ.Length; k++)
                if (_classOf[succ[k]] >= 0) v += prob[k] * y[succ[k]];
            rhs[i] = v;
        }
        var x = _transientLu.Solve(rhs);
        for (int i = 0; i < _transient.Length; i++) y[_transient[i]] = x[i];
    }
}

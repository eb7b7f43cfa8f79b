using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// <see cref="LaurentEvaluator"/> on a stochastic MDP by banded factorisations in the reverse Cuthill–McKee order of
/// <see cref="BandOrdering"/> (restricted to each block, a band never wider than the whole MDP's). On a recurrent class C
/// with A = I − P_CC (singular, kernel 𝟙) and reference states k:
/// <list type="bullet">
/// <item>the stationary distribution solves Aᵀμ̃ = 0 with row k replaced by μ̃_k = 1, then μ = μ̃/Σμ̃ (the other equations
/// leave μ̃ in the one-dimensional kernel of Aᵀ);</item>
/// <item>a solvable system Ay = b (μ·b = 0) is solved with row k replaced by z_k = 0, k the state of largest μ_k — the
/// dropped equation then holds automatically, since μ·(Az − b) = 0 and μ_k &gt; 0 — and y = z − (μ·z)𝟙 gives μ·y = 0.</item>
/// </list>
/// Both modified matrices are weakly chained diagonally dominant M-matrices, as is I − P_TT on the transient states, so
/// elimination without pivoting is stable (<see cref="BandedMatrix"/>). O(|C|·b²) per policy and O(|C|·b) per solve,
/// instead of the dense O(|C|³) and O(|C|²) of <see cref="DenseLaurentEvaluator"/> (docs/performance.md).
/// </summary>
internal sealed class BandedLaurentEvaluator : LaurentEvaluator
{
    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly int[] _position;
    private readonly int[] _policy;
    private readonly int[] _allStates;
    private readonly int[] _classOf;       // recurrent class index, or −1 for transient states
    private readonly int[] _local;         // index within the class or within the transient set (in band order)
    private readonly List<int[]> _classes = [];
    private readonly List<double[]> _stationary = [];
    private readonly List<BandedMatrix> _classSystems = [];
    private readonly List<int> _references = [];
    private int[] _transient = [];
    private BandedMatrix? _transientSystem;
    private readonly double[] _buffer;

    public BandedLaurentEvaluator(Mdp mdp, BandOrdering ordering)
    {
        _mdp = mdp;
        _n = mdp.StateCount;
        _position = ordering.Position;
        _policy = new int[_n];
        _allStates = Enumerable.Range(0, _n).ToArray();
        _classOf = new int[_n];
        _local = new int[_n];
        _buffer = new double[_n];
    }

    public override void SetPolicy(ReadOnlySpan<int> policy)
    {
        policy[.._n].CopyTo(_policy);
        int classes = RecurrentClasses.Find(_mdp, _policy, _allStates, _classOf);
        _classes.Clear();
        _stationary.Clear();
        _classSystems.Clear();
        _references.Clear();
        var members = Enumerable.Range(0, classes).Select(_ => new List<int>()).ToList();
        var transient = new List<int>();
        for (int s = 0; s < _n; s++) (_classOf[s] < 0 ? transient : members[_classOf[s]]).Add(s);
        foreach (var list in members)
        {
            var states = InBandOrder(list);
            int m = states.Length, k = m - 1;
            var (lower, upper) = Bandwidths(states);
            // μ̃: Aᵀμ̃ = 0 with row k replaced by μ̃_k = 1 (Aᵀ has the bandwidths swapped).
            var transposed = new BandedMatrix(m, upper, lower);
            var system = new BandedMatrix(m, lower, upper);
            for (int i = 0; i < m; i++)
            {
                transposed.Add(i, i, 1.0);
                system.Add(i, i, 1.0);
                int sa = _policy[states[i]];
                var succ = _mdp.Successors(sa);
                var prob = _mdp.Probabilities(sa);
                for (int t = 0; t < succ.Length; t++)
                {
                    int j = _local[succ[t]];
                    transposed.Add(j, i, -prob[t]);
                    system.Add(i, j, -prob[t]);
                }
            }
            transposed.ClearRow(k);
            transposed.Add(k, k, 1.0);
            transposed.Factor();
            var mu = new double[m];
            mu[k] = 1;
            transposed.Solve(mu);
            double total = mu.Sum();
            for (int i = 0; i < m; i++) mu[i] /= total;
            // The reference of the solves: the state with the largest stationary probability, since the dropped
            // equation is recovered through μ·(Az − b) = 0, which divides by μ_k.
            int reference = Array.IndexOf(mu, mu.Max());
            system.ClearRow(reference);
            system.Add(reference, reference, 1.0);
            system.Factor();
            _classes.Add(states);
            _stationary.Add(mu);
            _classSystems.Add(system);
            _references.Add(reference);
        }
        _transient = InBandOrder(transient);
        _transientSystem = null;
        if (_transient.Length > 0)
        {
            var (lower, upper) = Bandwidths(_transient);
            var system = new BandedMatrix(_transient.Length, lower, upper);
            for (int i = 0; i < _transient.Length; i++)
            {
                system.Add(i, i, 1.0);
                int sa = _policy[_transient[i]];
                var succ = _mdp.Successors(sa);
                var prob = _mdp.Probabilities(sa);
                for (int t = 0; t < succ.Length; t++)
                    if (_classOf[succ[t]] < 0) system.Add(i, _local[succ[t]], -prob[t]);
            }
            system.Factor();
            _transientSystem = system;
        }
    }

    /// <summary>Sorts a block by band position and records each state's index in it.</summary>
    private int[] InBandOrder(List<int> block)
    {
        var states = block.OrderBy(s => _position[s]).ToArray();
        for (int i = 0; i < states.Length; i++) _local[states[i]] = i;
        return states;
    }

    /// <summary>The bandwidths of the policy's rows within a block (local indices already set).</summary>
    private (int Lower, int Upper) Bandwidths(int[] states)
    {
        int lower = 0, upper = 0;
        int block = _classOf[states[0]];
        foreach (int s in states)
            foreach (int t in _mdp.Successors(_policy[s]))
            {
                if (_classOf[t] != block) continue;
                lower = Math.Max(lower, _local[s] - _local[t]);
                upper = Math.Max(upper, _local[t] - _local[s]);
            }
        return (lower, upper);
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
            var mu = _stationary[c];
            var z = _buffer.AsSpan(0, states.Length);
            for (int i = 0; i < states.Length; i++) z[i] = b[states[i]];
            z[_references[c]] = 0; // the reference equation z_k = 0
            _classSystems[c].Solve(z);
            double shift = 0;
            for (int i = 0; i < states.Length; i++) shift += mu[i] * z[i];
            for (int i = 0; i < states.Length; i++) y[states[i]] = z[i] - shift;
        }
        SolveTransient(b, y, withRightHandSide: true);
    }

    /// <summary>(I − P_TT)y_T = b_T + P_{T,R}·y_R, with y already set on the recurrent states R.</summary>
    private void SolveTransient(ReadOnlySpan<double> b, Span<double> y, bool withRightHandSide)
    {
        if (_transientSystem is null) return;
        var x = _buffer.AsSpan(0, _transient.Length);
        for (int i = 0; i < _transient.Length; i++)
        {
            int s = _transient[i];
            double v = withRightHandSide ? b[s] : 0;
            var succ = _mdp.Successors(_policy[s]);
            var prob = _mdp.Probabilities(_policy[s]);
            for (int k = 0; k < succ.Length; k++)
                if (_classOf[succ[k]] >= 0) v += prob[k] * y[succ[k]];
            x[i] = v;
        }
        _transientSystem.Solve(x);
        for (int i = 0; i < _transient.Length; i++) y[_transient[i]] = x[i];
    }
}

using MathNet.Numerics.Providers.LinearAlgebra;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// Exact V* per sample on a stochastic MDP by Howard's policy iteration with exact evaluation: each policy's values
/// solve (I − γT_π)V = r by a dense LU factorisation (MathNet's linear-algebra provider, in preallocated buffers) for
/// |S| ≤ <see cref="PolicyMatrix.DenseLimit"/>, or by <see cref="PolicyMatrix"/> above it. The factorisation of the last
/// policy is kept within a block, so a sample whose starting policy equals the last factored one costs one triangular
/// solve (the same matrix gives the same factorisation bit for bit, so this cache cannot change results).
/// </summary>
internal sealed class StochasticDiscountedSolver : ISampleSolver
{
    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly double _gamma;
    private readonly int[] _offsets;
    private readonly int[] _rows;
    private readonly int[] _succ;
    private readonly double[] _prob;
    private readonly int[] _policy;
    private readonly int[] _factoredPolicy;
    private readonly double[]? _lu;
    private readonly int[]? _pivots;
    private readonly double[] _v;
    private readonly double _tieTolerance;
    private readonly double[] _stateScore;
    private readonly double[] _actionScore;
    private bool _hasFactor;

    public StochasticDiscountedSolver(Mdp mdp, double gamma, double tieTolerance = 1e-9)
    {
        _tieTolerance = tieTolerance;
        _stateScore = new double[mdp.StateCount];
        _actionScore = new double[mdp.StateActionCount];
        _mdp = mdp;
        _n = mdp.StateCount;
        _gamma = gamma;
        _offsets = mdp.StateActionOffsets.ToArray();
        _rows = mdp.TransitionOffsets.ToArray();
        _succ = mdp.AllSuccessors.ToArray();
        _prob = mdp.AllProbabilities.ToArray();
        _policy = new int[_n];
        _factoredPolicy = new int[_n];
        if (_n <= PolicyMatrix.DenseLimit)
        {
            _lu = new double[_n * _n];
            _pivots = new int[_n];
        }
        _v = new double[_n];
    }

    /// <summary>The optimal policy of the last solve (global state-action per state).</summary>
    public ReadOnlySpan<int> Policy => _policy;

    /// <summary>Gauss–Seidel sweeps of the starting policy (40: on Map20 with slip 0.1 this cut the time per sample
    /// 2.5–3× against 4 sweeps, since each sweep costs far less than one LU factorisation).</summary>
    internal int Sweeps { get; set; } = 40;

    public void StartBlock()
    {
        _hasFactor = false;
    }

    private double Expected(int sa, ReadOnlySpan<double> x)
    {
        double e = 0;
        for (int k = _rows[sa]; k < _rows[sa + 1]; k++) e += _prob[k] * x[_succ[k]];
        return e;
    }

    private void Evaluate(ReadOnlySpan<double> r)
    {
        int n = _n;
        if (_lu is null)
        {
            var actions = new int[n];
            for (int s = 0; s < n; s++) actions[s] = _policy[s] - _offsets[s];
            var x = PolicyMatrix.From(_mdp, Solvers.Policy.Wrap(_mdp, actions), _gamma).SolveValues(r);
            x.CopyTo(_v, 0);
            return;
        }
        if (!_hasFactor || !_policy.AsSpan().SequenceEqual(_factoredPolicy))
        {
            // Column-major A = I − γT_π: A[s + n·t] -= γ·T(t|s,π(s)).
            Array.Clear(_lu);
            for (int s = 0; s < n; s++)
            {
                _lu[s + n * s] = 1.0;
                int sa = _policy[s];
                for (int k = _rows[sa]; k < _rows[sa + 1]; k++) _lu[s + n * _succ[k]] -= _gamma * _prob[k];
            }
            LinearAlgebraControl.Provider.LUFactor(_lu, n, _pivots);
            _policy.AsSpan().CopyTo(_factoredPolicy);
            _hasFactor = true;
        }
        r.CopyTo(_v);
        LinearAlgebraControl.Provider.LUSolveFactored(1, _lu, n, _pivots, _v);
    }

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal)
    {
        SolveScores(r, value, _stateScore, _actionScore);
        DiscountedTieRule.Mark(_mdp, _gamma, _tieTolerance, r, _stateScore, _actionScore, optimal);
    }

    /// <summary>Solves one sample and also returns V* (<paramref name="stateScore"/>) and Q* (<paramref name="actionScore"/>).</summary>
    public void SolveScores(ReadOnlySpan<double> r, Span<double> value, Span<double> stateScore, Span<double> actionScore)
    {
        int n = _n;
        double gamma = _gamma;
        double rMax = 0;
        for (int s = 0; s < n; s++) rMax = Math.Max(rMax, Math.Abs(r[s]));
        // Start from the greedy policy of Sweeps Gauss–Seidel value-iteration sweeps from v = r/(1−γ) (as in the
        // deterministic solver); exactness comes from the policy iteration below.
        double stay = 1 / (1 - gamma);
        for (int s = 0; s < n; s++) _v[s] = r[s] * stay;
        for (int sweep = 0; sweep < Sweeps; sweep++)
        {
            bool forward = (sweep & 1) == 0;
            for (int i = 0; i < n; i++)
            {
                int s = forward ? i : n - 1 - i;
                double best = double.NegativeInfinity;
                for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++) best = Math.Max(best, Expected(sa, _v));
                _v[s] = r[s] + gamma * best;
            }
        }
        for (int s = 0; s < n; s++)
        {
            int best = _offsets[s];
            double bestE = Expected(best, _v);
            for (int sa = _offsets[s] + 1; sa < _offsets[s + 1]; sa++)
            {
                double e = Expected(sa, _v);
                if (e > bestE) { best = sa; bestE = e; }
            }
            _policy[s] = best;
        }
        double margin = 1e-11 * Math.Max(rMax, 1e-300) / (1 - gamma);
        int iterations = 0;
        while (true)
        {
            if (++iterations > 100_000)
                throw new InvalidOperationException("policy iteration did not converge within 100,000 improvement steps.");
            Evaluate(r);
            bool changed = false;
            for (int s = 0; s < n; s++)
            {
                int cur = _policy[s];
                int best = cur;
                double bestE = Expected(cur, _v);
                for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
                {
                    double e = Expected(sa, _v);
                    if (e > bestE + margin) { best = sa; bestE = e; }
                }
                if (best != cur) { _policy[s] = best; changed = true; }
            }
            if (!changed) break;
        }
        for (int s = 0; s < n; s++)
        {
            double bestNext = double.NegativeInfinity;
            for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
            {
                double e = Expected(sa, _v);
                actionScore[sa] = r[s] + gamma * e;
                if (e > bestNext) bestNext = e;
            }
            stateScore[s] = Math.Max(_v[s], r[s] + gamma * bestNext);
            value[s] = (1 - gamma) * bestNext;
        }
    }
}

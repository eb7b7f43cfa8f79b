using MathNet.Numerics.Providers.LinearAlgebra;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Exact evaluation of a stationary stochastic policy π(a|s) at a discount γ ∈ [0,1) (docs/theory.md §5.1): the values
/// V^π = (I − γP_π)⁻¹·r and the discounted visit distribution f^{π,s} = e_sᵀ(I − γP_π)⁻¹, where
/// P_π(s,s′) = Σ_a π(a|s)·T(s′|s,a). The kernel's one evaluation path for every decision-maker:
/// <list type="bullet">
/// <item>a policy with one action per state (every row 0/1) goes to the deterministic evaluator that Howard's loop and
/// POWER use (<see cref="DiscountedPolicyEvaluator.For"/>: functional graph, banded LU, sweeps);</item>
/// <item>a mixed policy is factored as a band in the MDP's reverse Cuthill–McKee order (<see cref="BandOrdering"/>:
/// every policy's P_π lies inside the band of the union of all actions), else densely up to
/// <see cref="PolicyMatrix.DenseLimit"/> states, else by certified Gauss–Seidel sweeps
/// (<see cref="StochasticPolicySweeps"/>, falling back to the sparse iteration of <see cref="PolicyMatrix"/>; visit
/// distributions use the sparse iteration). I − γP_π is strictly diagonally dominant by rows (its transpose by columns), so no
/// pivoting is needed in the band.</item>
/// </list>
/// The factorisation of the last mixed policy is kept, so a policy that repeats from sample to sample (the random
/// agent) costs one triangular solve; the same matrix gives the same factorisation bit for bit, so the cache cannot
/// change results. Not thread-safe: one instance per worker.
/// </summary>
internal sealed class StochasticPolicyEvaluator
{
    private readonly Mdp _mdp;
    private readonly double _gamma;
    private readonly int _n;
    private readonly Strategy _strategy;
    private readonly int[] _position = [];
    private readonly int[] _deterministic;
    private readonly double[] _solution;
    private DiscountedPolicyEvaluator? _deterministicEvaluator;
    private Factored? _rows, _columns;

    private enum Strategy { Banded, Dense, Sparse }

    /// <summary>An evaluator for <paramref name="mdp"/> at discount <paramref name="gamma"/> ∈ [0,1).</summary>
    public StochasticPolicyEvaluator(Mdp mdp, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        if (!(gamma >= 0 && gamma < 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "policy evaluation needs γ in [0, 1).");
        _mdp = mdp;
        _gamma = gamma;
        _n = mdp.StateCount;
        _deterministic = new int[_n];
        _solution = new double[_n];
        _strategy = Strategy.Sparse;
        if (DiscountedPolicyEvaluator.BandFits(mdp) is { } ordering)
        {
            _strategy = Strategy.Banded;
            _position = ordering.Position;
        }
        if (_strategy == Strategy.Sparse && _n <= PolicyMatrix.DenseLimit) _strategy = Strategy.Dense;
    }

    /// <summary>An upper estimate of the bytes one evaluator holds: two bands (rows and columns) or two dense
    /// |S|×|S| factorisations, or the sparse matrix, plus the deterministic evaluator's.</summary>
    public static double EstimateBytes(Mdp mdp)
    {
        int n = mdp.StateCount;
        // The sparse solve builds MathNet's matrix from an entry list on each factorisation: about 64 bytes per
        // entry (transitions and the diagonal), plus its Krylov vectors.
        double own = 64.0 * (mdp.TransitionCount + n) + 120.0 * n;
        if (DiscountedPolicyEvaluator.BandFits(mdp) is { } ordering) own = 2 * 8.0 * BandedLuPolicyEvaluator.BandSize(mdp, ordering);
        else if (n <= PolicyMatrix.DenseLimit) own = 2 * Budgets.MemoryEstimate.DenseMatrix(n);
        return own + DiscountedPolicyEvaluator.EstimateBytes(mdp);
    }

    /// <summary>Writes V^π = (I − γP_π)⁻¹·r into <paramref name="values"/>; <paramref name="policy"/> holds π(a|s) per
    /// global state-action.</summary>
    public void Values(ReadOnlySpan<double> policy, ReadOnlySpan<double> r, Span<double> values)
    {
        if (TryDeterministic(_mdp, policy, _deterministic))
        {
            (_deterministicEvaluator ??= DiscountedPolicyEvaluator.For(_mdp, _gamma)).Evaluate(_deterministic, r, values);
            return;
        }
        Solve(policy, r, values, transposed: false);
    }

    /// <summary>Writes the discounted visit distribution f^{π,s}(t) = Σ_k γ^k·P(s_k = t | s_0 = s) into
    /// <paramref name="visits"/> (V^π(s) = f^{π,s}·r).</summary>
    public void Visits(ReadOnlySpan<double> policy, int state, Span<double> visits)
    {
        var e = new double[_n];
        e[state] = 1;
        Solve(policy, e, visits, transposed: true);
    }

    /// <summary>When every row of <paramref name="policy"/> puts probability 1 on one action, writes those global
    /// state-actions into <paramref name="actions"/> and returns true.</summary>
    public static bool TryDeterministic(Mdp mdp, ReadOnlySpan<double> policy, Span<int> actions)
    {
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s), chosen = -1;
            for (int a = 0; a < k; a++)
            {
                double p = policy[first + a];
                if (p == 0) continue;
                if (p != 1 || chosen >= 0) return false;
                chosen = first + a;
            }
            if (chosen < 0) return false;
            actions[s] = chosen;
        }
        return true;
    }

    private void Solve(ReadOnlySpan<double> policy, ReadOnlySpan<double> b, Span<double> x, bool transposed)
    {
        ref var slot = ref transposed ? ref _columns : ref _rows;
        if (slot is null || !slot.Policy.AsSpan().SequenceEqual(policy))
            slot = Factor(policy.ToArray(), transposed);
        slot.Solve(this, b, x);
    }

    private Factored Factor(double[] policy, bool transposed)
    {
        switch (_strategy)
        {
            case Strategy.Banded:
            {
                var ordering = BandOrdering.Of(_mdp);
                var band = transposed ? new BandedMatrix(_n, ordering.Upper, ordering.Lower) : new BandedMatrix(_n, ordering.Lower, ordering.Upper);
                for (int s = 0; s < _n; s++) band.Add(_position[s], _position[s], 1.0);
                ForEachEntry(policy, (s, t, p) =>
                {
                    if (transposed) band.Add(_position[t], _position[s], -_gamma * p);
                    else band.Add(_position[s], _position[t], -_gamma * p);
                });
                band.Factor();
                return new Factored(policy) { Band = band };
            }
            case Strategy.Dense:
            {
                // Column-major A = I − γP_π (or its transpose) for MathNet's provider.
                var lu = new double[_n * _n];
                var pivots = new int[_n];
                for (int s = 0; s < _n; s++) lu[s + _n * s] = 1.0;
                ForEachEntry(policy, (s, t, p) =>
                {
                    if (transposed) lu[t + _n * s] -= _gamma * p;
                    else lu[s + _n * t] -= _gamma * p;
                });
                LinearAlgebraControl.Provider.LUFactor(lu, _n, pivots);
                return new Factored(policy) { Dense = lu, Pivots = pivots };
            }
            default:
                return transposed
                    ? new Factored(policy) { Sparse = PolicyMatrix.From(_mdp, policy, _gamma), Transposed = true }
                    : new Factored(policy) { Sweeps = new StochasticPolicySweeps(_mdp, policy, _gamma) };
        }
    }

    /// <summary>Calls <paramref name="add"/>(s, t, π(a|s)·T(t|s,a)) for every action with positive probability.</summary>
    private void ForEachEntry(double[] policy, Action<int, int, double> add)
    {
        for (int s = 0; s < _n; s++)
        {
            int first = _mdp.FirstStateAction(s), k = _mdp.ActionCount(s);
            for (int sa = first; sa < first + k; sa++)
            {
                double w = policy[sa];
                if (w == 0) continue;
                var succ = _mdp.Successors(sa);
                var prob = _mdp.Probabilities(sa);
                for (int j = 0; j < succ.Length; j++) add(s, succ[j], w * prob[j]);
            }
        }
    }

    private sealed class Factored(double[] policy)
    {
        public double[] Policy { get; } = policy;
        public BandedMatrix? Band { get; init; }
        public double[]? Dense { get; init; }
        public int[]? Pivots { get; init; }
        public PolicyMatrix? Sparse { get; set; }
        public StochasticPolicySweeps? Sweeps { get; init; }
        public bool Transposed { get; init; }

        public void Solve(StochasticPolicyEvaluator owner, ReadOnlySpan<double> b, Span<double> x)
        {
            int n = owner._n;
            var work = owner._solution;
            if (Band is not null)
            {
                var position = owner._position;
                for (int s = 0; s < n; s++) work[position[s]] = b[s];
                Band.Solve(work);
                for (int s = 0; s < n; s++) x[s] = work[position[s]];
                return;
            }
            if (Dense is not null)
            {
                b[..n].CopyTo(work);
                LinearAlgebraControl.Provider.LUSolveFactored(1, Dense, n, Pivots!, work);
                work.CopyTo(x);
                return;
            }
            if (Sweeps is not null)
            {
                if (Sweeps.TrySolve(b, x)) return;
                Internal.DegradationScope.Record("a mixed policy's evaluation fell back from Gauss–Seidel sweeps (sweep budget) to the sparse solve");
                Sparse ??= PolicyMatrix.From(owner._mdp, Policy, owner._gamma);
            }
            var result = Transposed ? Sparse!.SolveVisits(b) : Sparse!.SolveValues(b);
            result.CopyTo(x);
        }
    }
}

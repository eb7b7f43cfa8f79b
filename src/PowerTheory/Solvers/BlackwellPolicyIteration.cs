using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Exact Blackwell optimality (docs/theory.md §1.1): the optimal gain g*(s) and, for every state, the set of actions
/// that some Blackwell-optimal policy takes there, i.e. the optimal actions of Π*(R,1) = lim_{γ→1} Π*(R,γ).
/// </summary>
/// <remarks>
/// <para>Policy iteration on the Laurent coefficients (Veinott 1969; Puterman 1994, §10.3). A policy π is evaluated
/// order by order (<see cref="LaurentEvaluator"/>); for every other action a at s the coefficients of
/// Δ(s,a) = r(s) + T_a W − (1+ρ)·W(s), W = V^π/(1+ρ), are
/// ρ^{−1}: (T_a y_{−1})(s) − y_{−1}(s); ρ⁰: r(s) + (T_a y_0)(s) − y_0(s) − y_{−1}(s);
/// ρⁿ: (T_a y_n)(s) − y_n(s) − y_{n−1}(s). At the lowest order where some Δ is positive (beyond the tie tolerance),
/// each such state switches to its largest Δ and π is evaluated again; this strictly improves π lexicographically, so
/// the iteration ends. When no order improves, π is Blackwell-optimal (comparing through order |S| suffices: Miller and
/// Veinott 1969), and a is optimal at s exactly when every coefficient of Δ(s,a) ties with 0.</para>
/// <para>Orders are computed only while some pair is undecided; actions with the same transition row as the policy's
/// action always tie and are not compared. Each order is rescaled to unit max-norm (the signs and ties of Δ do not
/// depend on a common positive factor), so high orders cannot overflow. A pair is tied at an order when
/// |Δ| ≤ tol·(the max-norms of the terms it combines).</para>
/// <para>Deterministic MDPs use <see cref="FunctionalGraphLaurentEvaluator"/> (O(|S|) time per order and memory
/// O(|S| + |S||A|)); stochastic ones <see cref="BandedLaurentEvaluator"/> when the transition graph has a narrow band
/// (O(|S|·b²) per policy), else <see cref="DenseLaurentEvaluator"/> (O(|S|³) per policy).</para>
/// </remarks>
internal sealed class BlackwellPolicyIteration
{
    /// <summary>Improvement steps per solve before giving up (each step strictly improves the policy).</summary>
    public const int MaxIterations = 100_000;

    private readonly Mdp _mdp;
    private readonly int _n;
    private readonly double _tolerance;
    private readonly LaurentEvaluator _evaluator;
    private readonly int[] _offsets;
    private readonly int[] _rowClass;      // state-actions with bit-identical rows at the same state share a class
    private readonly int[] _policy;
    private readonly double[] _gain;
    private readonly double[] _previous;
    private readonly double[] _current;
    private readonly double[] _rhs;
    private readonly int[] _pending;       // state-actions still tied with the policy's action
    private int _pendingCount;
    private readonly double[] _bestGain;   // per state: the largest improving Δ at the current order
    private readonly int[] _bestAction;
    private bool _hasPolicy;

    /// <summary>A solver for <paramref name="mdp"/> with relative tie tolerance <paramref name="tieTolerance"/>.</summary>
    public BlackwellPolicyIteration(Mdp mdp, double tieTolerance)
    {
        _mdp = mdp;
        _n = mdp.StateCount;
        _tolerance = tieTolerance;
        _evaluator = LaurentEvaluatorFor(mdp);
        _offsets = mdp.StateActionOffsets.ToArray();
        _rowClass = RowClasses(mdp);
        _policy = new int[_n];
        _gain = new double[_n];
        _previous = new double[_n];
        _current = new double[_n];
        _rhs = new double[_n];
        _pending = new int[mdp.StateActionCount];
        _bestGain = new double[_n];
        _bestAction = new int[_n];
    }

    /// <summary>The Blackwell-optimal policy of the last solve (global state-action per state).</summary>
    public ReadOnlySpan<int> Policy => _policy;

    /// <summary>Improvement steps of the last solve.</summary>
    public int LastIterations { get; private set; }

    /// <summary>Forgets the warm start: the next solve starts from the policy that maximises the expected next-state
    /// reward.</summary>
    public void Reset() => _hasPolicy = false;

    /// <summary>Sets the starting policy of the next solve (global state-action per state).</summary>
    public void StartFrom(ReadOnlySpan<int> policy)
    {
        for (int s = 0; s < _n; s++)
            if (policy[s] < _offsets[s] || policy[s] >= _offsets[s + 1])
                throw new ArgumentException($"policy[{s}] = {policy[s]} is not a state-action of state {s}.", nameof(policy));
        policy[.._n].CopyTo(_policy);
        _hasPolicy = true;
    }

    /// <summary>
    /// Solves for reward <paramref name="r"/>: fills <paramref name="gain"/> with g*(s) = max_π lim (1/T)·E Σ_{t&lt;T} r(s_t)
    /// and <paramref name="optimal"/>[sa] with whether the action is Blackwell-optimal at its state. Starts from the
    /// previous solve's policy (or <see cref="StartFrom"/>).
    /// </summary>
    public void Solve(ReadOnlySpan<double> r, Span<double> gain, Span<bool> optimal)
    {
        int n = _n;
        double rMax = 0;
        for (int s = 0; s < n; s++) rMax = Math.Max(rMax, Math.Abs(r[s]));
        if (!_hasPolicy) GreedyStart(r);
        _hasPolicy = true;
        for (int iteration = 1; ; iteration++)
        {
            if (iteration > MaxIterations)
                throw new InvalidOperationException($"Blackwell policy iteration did not converge within {MaxIterations} improvement steps.");
            LastIterations = iteration;
            SolveCancellation.ThrowIfRequested();
            if (!ImproveOnce(r, rMax)) break;
        }
        _gain.AsSpan().CopyTo(gain);
        for (int sa = 0; sa < optimal.Length; sa++) optimal[sa] = false;
        for (int s = 0; s < n; s++)
        {
            int cls = _rowClass[_policy[s]];
            for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
                if (_rowClass[sa] == cls) optimal[sa] = true;
        }
        for (int i = 0; i < _pendingCount; i++) optimal[_pending[i]] = true;
    }

    /// <summary>Evaluates the policy order by order; returns true when it switched some state.</summary>
    private bool ImproveOnce(ReadOnlySpan<double> r, double rMax)
    {
        int n = _n;
        _evaluator.SetPolicy(_policy);
        _evaluator.Gain(r, _gain);
        _pendingCount = 0;
        for (int s = 0; s < n; s++)
        {
            int cls = _rowClass[_policy[s]];
            for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
                if (_rowClass[sa] != cls) _pending[_pendingCount++] = sa;
        }
        if (_pendingCount == 0) return false;
        // Order −1: the gain.
        if (Decide(order: -1, r, scale: rMax)) return true;
        // Order 0: the bias, from (I−P)y_0 = r − y_{−1}.
        for (int s = 0; s < n; s++) _rhs[s] = r[s] - _gain[s];
        _evaluator.Solve(_rhs, _current);
        double norm = MaxNorm(_current);
        if (_pendingCount > 0 && Decide(order: 0, r, scale: rMax + norm)) return true;
        if (norm == 0) return false; // every higher coefficient vanishes: the remaining pairs tie for good
        for (int s = 0; s < n; s++) _previous[s] = _current[s] / norm;
        for (int order = 1; order <= n && _pendingCount > 0; order++)
        {
            for (int s = 0; s < n; s++) _rhs[s] = -_previous[s];
            _evaluator.Solve(_rhs, _current);
            norm = MaxNorm(_current);
            if (Decide(order, r, scale: norm + 1)) return true;
            if (norm == 0) return false;
            for (int s = 0; s < n; s++) _previous[s] = _current[s] / norm;
        }
        return false;
    }

    /// <summary>Computes Δ at <paramref name="order"/> for the pending pairs; switches the states that improve (and
    /// returns true) or drops the pairs that are worse.</summary>
    private bool Decide(int order, ReadOnlySpan<double> r, double scale)
    {
        double tol = _tolerance * scale;
        bool improved = false;
        for (int i = 0; i < _pendingCount; i++)
        {
            int sa = _pending[i];
            int s = _mdp.StateOf(sa);
            double delta = order switch
            {
                -1 => _mdp.ExpectedValue(sa, _gain) - _gain[s],
                0 => r[s] + _mdp.ExpectedValue(sa, _current) - _current[s] - _gain[s],
                _ => _mdp.ExpectedValue(sa, _current) - _current[s] - _previous[s],
            };
            if (delta > tol)
            {
                if (!improved)
                {
                    improved = true;
                    Array.Fill(_bestGain, double.NegativeInfinity);
                }
                if (delta > _bestGain[s])
                {
                    _bestGain[s] = delta;
                    _bestAction[s] = sa;
                }
            }
            else if (delta < -tol)
            {
                _pending[i--] = _pending[--_pendingCount];
            }
        }
        if (!improved) return false;
        for (int s = 0; s < _n; s++)
            if (_bestGain[s] > double.NegativeInfinity) _policy[s] = _bestAction[s];
        return true;
    }

    private void GreedyStart(ReadOnlySpan<double> r)
    {
        for (int s = 0; s < _n; s++)
        {
            int best = _offsets[s];
            double bestValue = _mdp.ExpectedValue(best, r);
            for (int sa = best + 1; sa < _offsets[s + 1]; sa++)
            {
                double v = _mdp.ExpectedValue(sa, r);
                if (v > bestValue)
                {
                    best = sa;
                    bestValue = v;
                }
            }
            _policy[s] = best;
        }
    }

    private static double MaxNorm(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    /// <summary>Numbers the state-actions so that two actions of one state share a number exactly when their transition
    /// rows (successors and probabilities) are bit-identical.</summary>
    internal static int[] RowClasses(Mdp mdp)
    {
        var classes = new int[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), end = first + mdp.ActionCount(s);
            for (int sa = first; sa < end; sa++)
            {
                classes[sa] = sa;
                for (int other = first; other < sa; other++)
                    if (mdp.Successors(other).SequenceEqual(mdp.Successors(sa)) && mdp.Probabilities(other).SequenceEqual(mdp.Probabilities(sa)))
                    {
                        classes[sa] = classes[other];
                        break;
                    }
            }
        }
        return classes;
    }

    /// <summary>The Laurent evaluator for the MDP's shape: functional graph (deterministic), banded (stochastic with a band
    /// that is cheaper than a dense factorisation and fits in memory), dense otherwise.</summary>
    private static LaurentEvaluator LaurentEvaluatorFor(Mdp mdp)
    {
        if (mdp.IsDeterministic) return new FunctionalGraphLaurentEvaluator(mdp);
        int n = mdp.StateCount;
        // A dense factorisation holds up to four |S|×|S| matrices; past the memory budget only the banded one can run, so
        // the (linear-cost) band ordering is then computed whatever the size.
        double dense = 4 * Budgets.MemoryEstimate.DenseMatrix(n);
        if (n <= DiscountedPolicyEvaluator.MaxOrderedStates || !Budgets.MemoryBudget.Fits(dense))
        {
            var ordering = BandOrdering.Of(mdp);
            if (BandedLuPolicyEvaluator.BandSize(mdp, ordering) <= DiscountedPolicyEvaluator.MaxBandDoubles
                && BandedLuPolicyEvaluator.FactorCost(mdp, ordering) < (double)n * n * n / 3)
                return new BandedLaurentEvaluator(mdp, ordering);
        }
        Budgets.MemoryBudget.Require(dense,
            $"the exact gamma = 1 limit on this {n}-state stochastic MDP (a dense factorisation: its transition graph has no narrow band)",
            "use a gamma below 1 or a smaller model");
        return new DenseLaurentEvaluator(mdp);
    }
}

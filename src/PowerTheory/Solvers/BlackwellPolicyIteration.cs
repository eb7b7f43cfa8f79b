using PowerTheory.Internal;
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
/// <para>Two additions keep the number of steps small and the loop finite in floating point. A step at order −1 is
/// followed by a <see cref="GainPropagation"/>, which carries a higher gain across a whole basin at once (without it a
/// basin of width w took w steps: 105 s per sample on a 10⁴-state chain). A step at a higher order that lowers the gain
/// (possible only through a false tie at a lower order) is undone and its pairs banned (<see cref="BiasStepLostGain"/>).</para>
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
    private readonly GainPropagation _propagation;
    private readonly bool[] _banned;       // pairs whose switch at a bias order lowered the gain (see CheckBiasStep)
    private readonly int[] _stepPolicy;    // the policy before the last bias-order step
    private readonly double[] _stepGain;   // and its gain
    private bool _checkBiasStep;
    private bool _hasPolicy;

    /// <summary>A solver for <paramref name="mdp"/> with relative tie tolerance <paramref name="tieTolerance"/>.</summary>
    public BlackwellPolicyIteration(Mdp mdp, double tieTolerance)
    {
        _mdp = mdp;
        _n = mdp.StateCount;
        _tolerance = tieTolerance;
        _evaluator = LaurentEvaluator.For(mdp);
        _offsets = mdp.StateActionOffsets.ToArray();
        _rowClass = TransitionRowClasses.Of(mdp);
        _policy = new int[_n];
        _gain = new double[_n];
        _previous = new double[_n];
        _current = new double[_n];
        _rhs = new double[_n];
        _pending = new int[mdp.StateActionCount];
        _bestGain = new double[_n];
        _bestAction = new int[_n];
        _propagation = new GainPropagation(mdp, _offsets, _rowClass);
        _banned = new bool[mdp.StateActionCount];
        _stepPolicy = new int[_n];
        _stepGain = new double[_n];
    }

    /// <summary>The Blackwell-optimal policy of the last solve (global state-action per state).</summary>
    public ReadOnlySpan<int> Policy => _policy;

    /// <summary>Improvement steps of the last solve.</summary>
    public int LastIterations { get; private set; }

    /// <summary>Gain propagations of the last solve that were kept (see <see cref="GainPropagation"/>).</summary>
    public int LastPropagations => _propagation.Kept;

    /// <summary>Bias-order steps of the last solve that were undone because they lowered the gain
    /// (<see cref="BiasStepLostGain"/>).</summary>
    public int LastUndoneSteps { get; private set; }

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
        double rMax = VectorNorms.MaxAbs(r[..n]);
        if (!_hasPolicy) GreedyStart(r);
        _hasPolicy = true;
        _propagation.Start();
        Array.Clear(_banned);
        _checkBiasStep = false;
        LastUndoneSteps = 0;
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
        // A propagated policy that gained nothing is replaced by the plain step it stood for, and a bias-order step that
        // lost gain is undone (at most one of the two applies: they follow steps at different orders); either way the
        // restored policy is evaluated again.
        if (_propagation.Rejects(_gain, _tolerance * rMax, _policy) | BiasStepLostGain(rMax))
        {
            _evaluator.SetPolicy(_policy);
            _evaluator.Gain(r, _gain);
        }
        _pendingCount = 0;
        for (int s = 0; s < n; s++)
        {
            int cls = _rowClass[_policy[s]];
            for (int sa = _offsets[s]; sa < _offsets[s + 1]; sa++)
                if (_rowClass[sa] != cls && !_banned[sa]) _pending[_pendingCount++] = sa;
        }
        if (_pendingCount == 0) return false;
        // Order −1: the gain.
        if (Decide(order: -1, r, scale: rMax))
        {
            _propagation.Propagate(_gain, _tolerance * rMax, _policy);
            return true;
        }
        // Order 0: the bias, from (I−P)y_0 = r − y_{−1}.
        for (int s = 0; s < n; s++) _rhs[s] = r[s] - _gain[s];
        _evaluator.Solve(_rhs, _current);
        double norm = VectorNorms.MaxAbs(_current);
        if (_pendingCount > 0 && Decide(order: 0, r, scale: rMax + norm)) return true;
        if (norm == 0) return false; // every higher coefficient vanishes: the remaining pairs tie for good
        for (int s = 0; s < n; s++) _previous[s] = _current[s] / norm;
        for (int order = 1; order <= n && _pendingCount > 0; order++)
        {
            for (int s = 0; s < n; s++) _rhs[s] = -_previous[s];
            _evaluator.Solve(_rhs, _current);
            norm = VectorNorms.MaxAbs(_current);
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
        if (order >= 0)
        {
            // A bias-order step must keep the gain (its pairs tied at order −1 and below): checked at the next evaluation.
            _policy.CopyTo(_stepPolicy, 0);
            _gain.CopyTo(_stepGain, 0);
            _checkBiasStep = true;
        }
        for (int s = 0; s < _n; s++)
            if (_bestGain[s] > double.NegativeInfinity) _policy[s] = _bestAction[s];
        return true;
    }

    /// <summary>Guards termination against a false tie (docs/power.md, "False ties undone"): a step at order ≥ 0 cannot
    /// lower the gain in exact arithmetic, so when it did (beyond the tolerance) the step is undone and the switched pairs
    /// whose gain fell are banned. Each undo bans a pair, so the iteration still ends. True when the policy was restored.</summary>
    private bool BiasStepLostGain(double rMax)
    {
        if (!_checkBiasStep) return false;
        _checkBiasStep = false;
        double tol = _tolerance * rMax;
        bool lost = false;
        for (int s = 0; s < _n && !lost; s++) lost = _gain[s] < _stepGain[s] - tol;
        if (!lost) return false;
        bool bannedAny = false;
        for (int s = 0; s < _n; s++)
            if (_policy[s] != _stepPolicy[s] && _gain[s] < _stepGain[s] - tol)
            {
                _banned[_policy[s]] = true;
                bannedAny = true;
            }
        if (!bannedAny)
            for (int s = 0; s < _n; s++)
                if (_policy[s] != _stepPolicy[s]) _banned[_policy[s]] = true;
        _stepPolicy.CopyTo(_policy, 0);
        LastUndoneSteps++;
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
}

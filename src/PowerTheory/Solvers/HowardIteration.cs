using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The one Howard policy-iteration loop of the library (docs/theory.md §5.1): evaluate the current deterministic policy
/// exactly with a <see cref="DiscountedPolicyEvaluator"/>, let every state switch to an action whose expected next value
/// beats its current one by more than the evaluator's rounding margin ε·max|r|/(1−γ) (<see cref="BellmanBackup.Improve(ReadOnlySpan{double}, Span{int}, double)"/>),
/// repeat until no state switches. On a finite MDP this stops at an optimal policy; the values are V* up to rounding.
/// </summary>
/// <remarks>One instance per thread; buffers are reused between solves (allocation-free with the functional-graph and
/// dense evaluators). The starting policy is either given (<see cref="StartFrom"/>) or the greedy policy of a few
/// Gauss–Seidel sweeps from v = r/(1−γ), the value of staying put (<see cref="WarmStart(ReadOnlySpan{double}, int)"/>) — the one warm start.</remarks>
internal sealed class HowardIteration
{
    /// <summary>A safety cap on improvement steps (Howard's loop terminates on a finite MDP; exceeding the cap means a
    /// bug or a cycling caused by rounding, and throws).</summary>
    public const int MaxImprovements = 1_000_000;

    private readonly Mdp _mdp;
    private readonly double _gamma;
    private readonly BellmanBackup _backup;
    private readonly int[] _policy;
    private readonly double[] _values;

    public HowardIteration(Mdp mdp, double gamma, DiscountedPolicyEvaluator? evaluator = null)
    {
        _mdp = mdp;
        _gamma = gamma;
        Evaluator = evaluator ?? DiscountedPolicyEvaluator.For(mdp, gamma);
        _backup = new BellmanBackup(mdp);
        _policy = new int[mdp.StateCount];
        _values = new double[mdp.StateCount];
    }

    /// <summary>The Bellman backup over the MDP.</summary>
    public BellmanBackup Backup => _backup;

    /// <summary>The policy evaluator.</summary>
    public DiscountedPolicyEvaluator Evaluator { get; }

    /// <summary>The current policy, one global state-action per state (optimal after <see cref="Iterate"/>).</summary>
    public ReadOnlySpan<int> Policy => _policy;

    /// <summary>V^π of the current policy after <see cref="Iterate"/> (= V* up to rounding).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The improvement steps of the last <see cref="Iterate"/> (evaluations, including the final confirming one).</summary>
    public int Improvements { get; private set; }

    /// <summary>The margin of the last <see cref="Iterate"/>: ε·max|r|/(1−γ).</summary>
    public double Margin { get; private set; }

    /// <summary>Starts from the greedy policy of <paramref name="sweeps"/> in-place Gauss–Seidel sweeps from v = r/(1−γ)
    /// (0 sweeps: greedy in the expected next reward).</summary>
    public void WarmStart(ReadOnlySpan<double> r, int sweeps)
    {
        double stay = 1 / (1 - _gamma);
        for (int s = 0; s < _values.Length; s++) _values[s] = r[s] * stay;
        _backup.GaussSeidelSweeps(r, _gamma, _values, sweeps);
        _backup.GreedyActions(_values, _policy);
    }

    /// <summary>The warm start the evaluator asks for (<see cref="DiscountedPolicyEvaluator.WarmStartRounds"/>: modified
    /// policy iteration when positive, else <see cref="DiscountedPolicyEvaluator.WarmStartSweeps"/> Gauss–Seidel sweeps).</summary>
    public void WarmStart(ReadOnlySpan<double> r)
    {
        if (Evaluator.WarmStartRounds > 0) ModifiedWarmStart(r, Evaluator.WarmStartRounds);
        else WarmStart(r, Evaluator.WarmStartSweeps);
    }

    /// <summary>Policy sweeps per round of <see cref="ModifiedWarmStart"/> (measured per sample on the 100×100 slip grid,
    /// one thread: 5 → 51 ms (more exact evaluations), 10 → 46 ms, 15 → 50 ms, 20 → 56 ms; the 30×30 grid agrees).</summary>
    public const int SweepsPerRound = 10;

    /// <summary>Modified policy iteration (Puterman §6.5) as a warm start: from the policy greedy in v = r/(1−γ), rounds of
    /// <see cref="SweepsPerRound"/> policy sweeps (<see cref="PolicySweeps"/>) and a greedy improvement,
    /// until a round changes no action or after <paramref name="maxRounds"/> rounds. Returns the rounds run.</summary>
    public int ModifiedWarmStart(ReadOnlySpan<double> r, int maxRounds)
    {
        _sweeps ??= new PolicySweeps(_mdp, _gamma);
        double stay = 1 / (1 - _gamma);
        for (int s = 0; s < _values.Length; s++) _values[s] = r[s] * stay;
        _backup.GreedyActions(_values, _policy);
        int round = 0;
        while (round < maxRounds)
        {
            SolveCancellation.ThrowIfRequested();
            round++;
            _sweeps.Sweep(_policy, r, _values, SweepsPerRound);
            if (!_backup.Improve(_values, _policy, 0)) break;
        }
        return round;
    }

    private PolicySweeps? _sweeps;

    /// <summary>Starts from a given policy (global state-actions).</summary>
    public void StartFrom(ReadOnlySpan<int> policy) => policy[.._policy.Length].CopyTo(_policy);

    /// <summary>Continues Howard's loop from the current policy with an explicit <paramref name="margin"/> (a rounding-level
    /// one, to refine a result whose certified bound is too wide) for at most <paramref name="maxSteps"/> evaluations.
    /// Returns false when the cap stopped it (the values are then those of the last evaluated policy).</summary>
    public bool Refine(ReadOnlySpan<double> r, double margin, int maxSteps)
    {
        for (int step = 0; step < maxSteps; step++)
        {
            SolveCancellation.ThrowIfRequested();
            Evaluator.Evaluate(_policy, r, _values);
            Improvements++;
            if (!_backup.Improve(_values, _policy, margin)) return true;
        }
        Evaluator.Evaluate(_policy, r, _values);
        return false;
    }

    /// <summary>Runs the improvement loop to an optimal policy.</summary>
    /// <exception cref="InvalidOperationException">More than <paramref name="maxImprovements"/> steps.</exception>
    public void Iterate(ReadOnlySpan<double> r, int maxImprovements = MaxImprovements)
    {
        double rMax = 0;
        for (int s = 0; s < _values.Length; s++) rMax = Math.Max(rMax, Math.Abs(r[s]));
        Margin = Evaluator.RelativeRounding * Math.Max(rMax, 1e-300) / (1 - _gamma);
        int steps = 0;
        while (true)
        {
            if (++steps > maxImprovements)
                throw new InvalidOperationException($"policy iteration did not converge within {maxImprovements} improvement steps.");
            SolveCancellation.ThrowIfRequested();
            Evaluator.Evaluate(_policy, r, _values);
            if (!_backup.Improve(_values, _policy, Margin)) break;
        }
        Improvements = steps;
    }

    /// <summary>Howard's loop for a state-action reward R(s,a) (per global state-action): starting from the policy greedy
    /// in R, evaluate π with the state reward r_π(s) = R(s,π(s)), switch where Q(s,a) = R(s,a) + γ·E_a V^π beats the
    /// current action by more than <paramref name="margin"/>
    /// (<see cref="BellmanBackup.Improve(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{int}, double)"/>), until
    /// no state switches. <see cref="Values"/> is then V* of R up to rounding.</summary>
    /// <exception cref="InvalidOperationException">More than <paramref name="maxImprovements"/> steps.</exception>
    public void IterateActionRewards(ReadOnlySpan<double> reward, double margin, int maxImprovements = MaxImprovements)
    {
        _statewise ??= new double[_mdp.StateCount];
        for (int s = 0; s < _policy.Length; s++)
        {
            int best = _mdp.FirstStateAction(s);
            for (int sa = best + 1; sa < _mdp.FirstStateAction(s) + _mdp.ActionCount(s); sa++)
                if (reward[sa] > reward[best]) best = sa;
            _policy[s] = best;
        }
        Margin = margin;
        int steps = 0;
        while (true)
        {
            if (++steps > maxImprovements)
                throw new InvalidOperationException($"policy iteration on the state-action reward did not converge within {maxImprovements} improvement steps.");
            SolveCancellation.ThrowIfRequested();
            for (int s = 0; s < _policy.Length; s++) _statewise[s] = reward[_policy[s]];
            Evaluator.Evaluate(_policy, _statewise, _values);
            if (!_backup.Improve(_values, reward, _gamma, _policy, margin)) break;
        }
        Improvements = steps;
    }

    private double[]? _statewise;
}

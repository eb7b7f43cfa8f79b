using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The figures a decision-maker's stationary policy π(a|s) (deterministic or mixed, per global state-action) is
/// measured by, at one discount γ ∈ [0,1] (docs/theory.md §1.1 and §5.1):
/// <list type="bullet">
/// <item><see cref="Values"/>: V^π = (I − γP_π)⁻¹·r for γ &lt; 1 (<see cref="StochasticPolicyEvaluator"/>);</item>
/// <item><see cref="Gains"/>: the gain g^π = P*_π·r, the γ → 1 limit of (1−γ)·V^π;</item>
/// <item><see cref="LongRunMass"/>: P*_π(s, A) = Σ_{t∈A} P*_π(s,t), the long-run share of time spent in a set A.</item>
/// </list>
/// Long-run figures of a deterministic policy come from the kernel's <see cref="LaurentEvaluator"/> (its gain under the
/// reward 1_A is P*_π(·, A)), which handles every size the γ = 1 solver does; those of a mixed policy from the
/// subtraction-free reduction of <see cref="PolicyLongRun"/>, kept while the policy repeats. Not thread-safe: one
/// instance per worker and decision-maker.
/// </summary>
internal sealed class PolicyFigures
{
    private readonly Mdp _mdp;
    private readonly double _gamma;
    private readonly int[] _actions;
    private readonly double[] _indicator;
    private readonly double[] _gain;
    private StochasticPolicyEvaluator? _discounted;
    private LaurentEvaluator? _laurent;
    private PolicyLongRun? _longRun;
    private double[]? _longRunPolicy;

    /// <summary>Figures on <paramref name="mdp"/> at discount <paramref name="gamma"/> ∈ [0,1].</summary>
    public PolicyFigures(Mdp mdp, double gamma)
    {
        _mdp = mdp;
        _gamma = gamma;
        _actions = new int[mdp.StateCount];
        _indicator = new double[mdp.StateCount];
        _gain = new double[mdp.StateCount];
    }

    /// <summary>V^π = (I − γP_π)⁻¹·r (γ ∈ [0,1)).</summary>
    public void Values(ReadOnlySpan<double> policy, ReadOnlySpan<double> r, Span<double> values) =>
        (_discounted ??= new StochasticPolicyEvaluator(_mdp, _gamma)).Values(policy, r, values);

    /// <summary>g^π = P*_π·r.</summary>
    public void Gains(ReadOnlySpan<double> policy, ReadOnlySpan<double> r, Span<double> gains)
    {
        if (TryDeterministic(policy))
        {
            _laurent!.SetPolicy(_actions);
            _laurent.Gain(r, gains);
            return;
        }
        LongRun(policy).Gains(r).CopyTo(gains);
    }

    /// <summary>P*_π(<paramref name="state"/>, A) for the states A = <paramref name="set"/>.</summary>
    public double LongRunMass(ReadOnlySpan<double> policy, int state, ReadOnlySpan<int> set)
    {
        if (TryDeterministic(policy))
        {
            Array.Clear(_indicator);
            foreach (int t in set) _indicator[t] = 1;
            _laurent!.SetPolicy(_actions);
            _laurent.Gain(_indicator, _gain);
            return _gain[state];
        }
        var row = LongRun(policy).LimitRow(state);
        double inside = 0;
        foreach (int t in set) inside += row[t];
        return inside;
    }

    private PolicyLongRun LongRun(ReadOnlySpan<double> policy)
    {
        if (_longRun is null || !_longRunPolicy.AsSpan().SequenceEqual(policy))
        {
            _longRun = new PolicyLongRun(_mdp, policy);
            _longRunPolicy = policy.ToArray();
        }
        return _longRun;
    }

    private bool TryDeterministic(ReadOnlySpan<double> policy)
    {
        if (!StochasticPolicyEvaluator.TryDeterministic(_mdp, policy, _actions)) return false;
        _laurent ??= LaurentEvaluator.For(_mdp);
        return true;
    }
}

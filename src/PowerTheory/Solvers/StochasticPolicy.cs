using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// A stationary stochastic policy π(a|s), stored as one probability per global state-action index. Each state's
/// probabilities are non-negative and sum to 1 within 1e-9. Immutable.
/// </summary>
public sealed class StochasticPolicy
{
    private readonly double[] _probabilities;

    /// <summary>Creates a stochastic policy from per-state probability vectors <c>probabilities[s][a]</c>.</summary>
    /// <exception cref="ArgumentException">A row has the wrong length, a negative or non-finite entry, or does not sum to 1.</exception>
    public StochasticPolicy(Mdp mdp, IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count != mdp.StateCount)
            throw new ArgumentException($"a policy needs one row per state ({mdp.StateCount}); got {probabilities.Count}.", nameof(probabilities));
        _probabilities = new double[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            var row = probabilities[s];
            if (row is null || row.Count != mdp.ActionCount(s))
                throw new ArgumentException(
                    $"policy row of state '{mdp.StateNames[s]}' must have {mdp.ActionCount(s)} entries; got {row?.Count ?? 0}.", nameof(probabilities));
            double sum = 0;
            for (int a = 0; a < row.Count; a++)
            {
                double p = row[a];
                if (!double.IsFinite(p) || p < 0)
                    throw new ArgumentException(
                        $"policy probability of action '{mdp.ActionName(s, a)}' at state '{mdp.StateNames[s]}' must be finite and non-negative; got {p}.",
                        nameof(probabilities));
                sum += p;
                _probabilities[mdp.FirstStateAction(s) + a] = p;
            }
            if (Math.Abs(sum - 1) > 1e-9)
                throw new ArgumentException(
                    $"policy probabilities at state '{mdp.StateNames[s]}' sum to {sum:R}, expected 1 (within 1e-9).", nameof(probabilities));
        }
        Mdp = mdp;
    }

    private StochasticPolicy(Mdp mdp, double[] probabilities)
    {
        Mdp = mdp;
        _probabilities = probabilities;
    }

    /// <summary>The MDP this policy is for.</summary>
    public Mdp Mdp { get; }

    /// <summary>π(a|s).</summary>
    public double Probability(int state, int action) => _probabilities[Mdp.StateActionIndex(state, action)];

    internal ReadOnlySpan<double> ByStateAction => _probabilities;

    /// <summary>The deterministic policy π as a stochastic one (π(a|s) = [a = π(s)]).</summary>
    public static StochasticPolicy FromDeterministic(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var p = new double[policy.Mdp.StateActionCount];
        for (int s = 0; s < policy.Mdp.StateCount; s++) p[policy.StateActionAt(s)] = 1.0;
        return new StochasticPolicy(policy.Mdp, p);
    }

    /// <summary>The uniformly random policy π(a|s) = 1/|A(s)|.</summary>
    public static StochasticPolicy Uniform(Mdp mdp)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        var p = new double[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int m = mdp.ActionCount(s);
            for (int a = 0; a < m; a++) p[mdp.FirstStateAction(s) + a] = 1.0 / m;
        }
        return new StochasticPolicy(mdp, p);
    }
}

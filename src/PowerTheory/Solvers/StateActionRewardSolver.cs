using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Optimal actions for a state-action reward R(s,a) at γ ∈ (0,1) (the AUP agent's reward depends on the action), on the
/// kernel's Howard loop (<see cref="HowardIteration.IterateActionRewards"/>): Q(s,a) = R(s,a) + γ·Σ_s' T(s'|s,a)·V*(s'),
/// and the optimal actions are those with Q(s,a) ≥ max_a Q(s,a) − tol·max|R|/(1−γ). One instance per thread.
/// </summary>
internal sealed class StateActionRewardSolver(Mdp mdp, double gamma, double tieTolerance)
{
    private readonly HowardIteration _howard = new(mdp, gamma);

    /// <summary>Writes the optimal-action flags for <paramref name="reward"/> (|SA| entries) into <paramref name="optimal"/>.</summary>
    public void Solve(ReadOnlySpan<double> reward, Span<bool> optimal)
    {
        double scale = Math.Max(Internal.VectorNorms.MaxAbs(reward), 1e-300);
        double tolerance = tieTolerance * scale / (1 - gamma);
        _howard.IterateActionRewards(reward, Math.Max(tolerance, _howard.Evaluator.RelativeRounding * scale / (1 - gamma)));
        var v = _howard.Values;
        var backup = _howard.Backup;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), end = first + mdp.ActionCount(s);
            double best = double.NegativeInfinity;
            for (int sa = first; sa < end; sa++) best = Math.Max(best, reward[sa] + gamma * backup.Expected(sa, v));
            for (int sa = first; sa < end; sa++) optimal[sa] = reward[sa] + gamma * backup.Expected(sa, v) >= best - tolerance;
        }
    }
}

using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// Optimal actions for a state-action reward R(s,a) at γ ∈ (0,1), by Howard policy iteration:
/// Q(s,a) = R(s,a) + γ·Σ_s' T(s'|s,a)·V(s'), V = V^π solved exactly for the current deterministic policy π (whose
/// state reward is r_π(s) = R(s,π(s))), π switched only where some action beats it by more than the tolerance. On
/// exit, the optimal actions are those with Q(s,a) ≥ V(s) − tol·max|R|/(1−γ). Used by the AUP agent, whose reward depends
/// on the action.
/// </summary>
internal sealed class StateActionRewardSolver(Mdp mdp, double gamma, double tieTolerance)
{
    /// <summary>The most improvement rounds before giving up (Howard's iteration needs a handful in practice).</summary>
    public const int MaxRounds = 10_000;

    private readonly int[] _policy = new int[mdp.StateCount];
    private readonly double[] _statewise = new double[mdp.StateCount];
    private readonly double[] _q = new double[mdp.StateActionCount];

    /// <summary>Writes the optimal-action flags for <paramref name="reward"/> (|SA| entries) into <paramref name="optimal"/>.</summary>
    public void Solve(ReadOnlySpan<double> reward, Span<bool> optimal)
    {
        double tolerance = tieTolerance * PolicyRows.Scale(reward) / (1 - gamma);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), best = 0;
            for (int a = 1; a < mdp.ActionCount(s); a++) if (reward[first + a] > reward[first + best]) best = a;
            _policy[s] = best;
        }
        double[] v;
        for (int round = 0; ; round++)
        {
            if (round >= MaxRounds)
                throw new InvalidOperationException($"policy iteration on the state-action reward did not stabilise in {MaxRounds} rounds.");
            for (int s = 0; s < mdp.StateCount; s++) _statewise[s] = reward[mdp.FirstStateAction(s) + _policy[s]];
            v = PolicyEvaluation.Evaluate(mdp, new Policy(mdp, _policy), _statewise, gamma);
            bool changed = false;
            for (int s = 0; s < mdp.StateCount; s++)
            {
                int first = mdp.FirstStateAction(s);
                for (int a = 0; a < mdp.ActionCount(s); a++) _q[first + a] = reward[first + a] + gamma * mdp.ExpectedValue(first + a, v);
                int best = _policy[s];
                for (int a = 0; a < mdp.ActionCount(s); a++) if (_q[first + a] > _q[first + best] + tolerance) best = a;
                if (best != _policy[s]) { _policy[s] = best; changed = true; }
            }
            if (!changed) break;
        }
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s);
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount(s); a++) best = Math.Max(best, _q[first + a]);
            for (int a = 0; a < mdp.ActionCount(s); a++) optimal[first + a] = _q[first + a] >= best - tolerance;
        }
    }
}

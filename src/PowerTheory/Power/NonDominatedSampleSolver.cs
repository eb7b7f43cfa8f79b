using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// The per-sample oracle of the fast path: V*(s) = max_{f∈F_nd(s)} f·r for γ ∈ (0,1), with
/// value(s) = (1−γ)/γ·(V*(s) − r(s)) and Q*(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V*(s'); at γ = 1,
/// g*(s) = max_{d∈RSD_nd(s)} d·r with action score Σ_s' T(s'|s,a)·g*(s'). It gives the same numbers as the Bellman
/// solvers up to rounding (tested), and is faster when the sets are small.
/// </summary>
internal sealed class NonDominatedSampleSolver(Mdp mdp, NonDominatedTables tables) : ISampleSolver
{
    private readonly double[] _best = new double[mdp.StateCount];
    private readonly double[] _zeroReward = new double[mdp.StateCount];

    public void StartBlock() { }

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<double> stateScore, Span<double> actionScore)
    {
        double gamma = tables.Gamma;
        for (int s = 0; s < _best.Length; s++) _best[s] = tables.Oracles[s].MaxValue(r);
        // Q*(s,a) = r(s) + γ·E V*(s') for γ < 1; at γ = 1 the action score is E g*(s') (reward 0, factor 1).
        PolicyEvaluation.FillActionValues(mdp, gamma < 1 ? r : _zeroReward, _best, gamma, actionScore);
        for (int s = 0; s < _best.Length; s++)
        {
            stateScore[s] = _best[s];
            value[s] = gamma < 1 ? (1 - gamma) / gamma * (_best[s] - r[s]) : _best[s];
        }
    }
}

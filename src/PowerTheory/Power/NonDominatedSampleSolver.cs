using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// The per-sample oracle of the fast path: V*(s) = max_{f∈F_nd(s)} f·r for γ ∈ (0,1), with
/// value(s) = (1−γ)/γ·(V*(s) − r(s)) and Q*(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V*(s') under <see cref="DiscountedTieRule"/>;
/// at γ = 1, g*(s) = max_{d∈RSD_nd(s)} d·r, while the Blackwell-optimal actions come from
/// <see cref="BlackwellLimitSolver"/> (the gains alone do not determine them), so at γ = 1 the fast path saves
/// nothing on the action probabilities. It gives the same numbers as the
/// Bellman solvers up to rounding (tested), and is faster when the sets are small.
/// </summary>
internal sealed class NonDominatedSampleSolver(Mdp mdp, NonDominatedOracles tables, double tolerance) : IRewardSolver
{
    private readonly BellmanBackup _backup = new(mdp);
    private readonly double[] _best = new double[mdp.StateCount];
    private readonly double[] _actionScore = new double[mdp.StateActionCount];
    private readonly double[] _gain = new double[mdp.StateCount];
    private readonly BlackwellLimitSolver? _blackwell = tables.Gamma == 1 ? new BlackwellLimitSolver(mdp, tolerance) : null;

    public void Reset() => _blackwell?.Reset();

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal)
    {
        double gamma = tables.Gamma;
        for (int s = 0; s < _best.Length; s++) _best[s] = tables.Oracles[s].MaxValue(r);
        if (_blackwell is not null)
        {
            _blackwell.Solve(r, _gain, optimal);
            _best.AsSpan().CopyTo(value);
            return;
        }
        _backup.ActionValues(r, _best, gamma, _actionScore);
        for (int s = 0; s < _best.Length; s++) value[s] = (1 - gamma) / gamma * (_best[s] - r[s]);
        DiscountedTieRule.Mark(mdp, gamma, tolerance, r, _best, _actionScore, optimal);
    }
}

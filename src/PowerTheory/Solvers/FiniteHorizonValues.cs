using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The action values of a finite-horizon (receding-horizon) planner with horizon H ≥ 1, on the kernel's Bellman backup:
/// <code>
///   U₀ = 0,   U_k(s) = max_a Σ_s' T(s'|s,a)·(R(s') + γ·U_{k−1}(s')),   Q_H(s,a) = Σ_s' T(s'|s,a)·(R(s') + γ·U_{H−1}(s')).
/// </code>
/// With W_k = R + γ·U_k this is W₀ = R, W_k = R + γ·max_a E_a W_{k−1} — the Jacobi sweep of
/// <see cref="BellmanBackup.Sweep"/> — and Q_H(s,a) = E_a W_{H−1}. A sweep that changes nothing (bit for bit) is a
/// fixed point, so the remaining sweeps are skipped exactly. Any γ ∈ [0,1]. One instance per thread.
/// </summary>
internal sealed class FiniteHorizonValues(Mdp mdp)
{
    private readonly BellmanBackup _backup = new(mdp);
    private readonly double[] _r = new double[mdp.StateCount];
    private double[] _w = new double[mdp.StateCount];
    private double[] _next = new double[mdp.StateCount];

    /// <summary>Writes Q_H(s,a) for every global state-action into <paramref name="q"/>.</summary>
    public void ActionValues(ReadOnlySpan<double> r, double gamma, int horizon, Span<double> q)
    {
        r[.._r.Length].CopyTo(_r);
        _r.CopyTo(_w, 0);
        for (int k = 1; k < horizon; k++)
        {
            SolveCancellation.ThrowIfRequested();
            _backup.Sweep(_r, gamma, _w, _next);
            bool fixedPoint = _next.AsSpan().SequenceEqual(_w);
            (_w, _next) = (_next, _w);
            if (fixedPoint) break;
        }
        for (int sa = 0; sa < mdp.StateActionCount; sa++) q[sa] = _backup.Expected(sa, _w);
    }
}

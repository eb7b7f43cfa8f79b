using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Soft value iteration relative to the uniform policy (the KL-regularised Bellman equations) at temperature T > 0 and
/// γ ∈ (0,1), on the kernel's backup:
/// <code>
///   Q(s,a) = R(s) + γ·Σ_s' T(s'|s,a)·V(s'),   V(s) = T·log( (1/|A(s)|)·Σ_a exp(Q(s,a)/T) ).
/// </code>
/// The soft backup is a γ-contraction in the sup norm, so in-place (Gauss–Seidel) sweeps from V = 0 converge; they stop
/// when a sweep changes V by at most 1e-12·(max|R| + T·log max|A|)/(1−γ). The log-sum-exp is taken relative to the
/// largest Q, so no exponential overflows at any temperature. One instance per thread.
/// </summary>
internal sealed class SoftValueIteration(Mdp mdp)
{
    /// <summary>The most sweeps before the solve is refused (γ = 0.999 needs about 30,000).</summary>
    public const int MaxSweeps = 200_000;

    private readonly BellmanBackup _backup = new(mdp);
    private readonly double[] _v = new double[mdp.StateCount];
    private readonly double[] _q = new double[mdp.StateActionCount];
    private readonly int _maxActions = Enumerable.Range(0, mdp.StateCount).Max(mdp.ActionCount);

    /// <summary>Q(s,a) at the fixed point of the last <see cref="Solve"/>.</summary>
    public ReadOnlySpan<double> ActionValues => _q;

    /// <summary>Solves to the fixed point: writes the soft values V(s) into <paramref name="softValues"/>, and
    /// <see cref="ActionValues"/> then holds Q(s,a) from them.</summary>
    /// <exception cref="InvalidOperationException">No convergence within <see cref="MaxSweeps"/> sweeps.</exception>
    public void Solve(ReadOnlySpan<double> r, double gamma, double temperature, Span<double> softValues)
    {
        double scale = Math.Max(Internal.VectorNorms.MaxAbs(r), 1e-300);
        double tolerance = 1e-12 * (scale + temperature * Math.Log(_maxActions)) / (1 - gamma);
        Array.Clear(_v);
        for (int sweep = 0; ; sweep++)
        {
            if (sweep >= MaxSweeps)
                throw new InvalidOperationException($"{mdp.Name ?? "MDP"}: soft value iteration at T = {temperature} did not converge in {MaxSweeps} sweeps.");
            if ((sweep & 255) == 255) SolveCancellation.ThrowIfRequested();
            double change = 0;
            for (int s = 0; s < mdp.StateCount; s++)
            {
                double soft = Backup(s, r, gamma, temperature);
                change = Math.Max(change, Math.Abs(soft - _v[s]));
                _v[s] = soft;
            }
            if (change <= tolerance) break;
        }
        for (int s = 0; s < mdp.StateCount; s++) softValues[s] = Backup(s, r, gamma, temperature);
    }

    /// <summary>Fills Q(s,·) from the current V and returns T·log((1/k)·Σ_a exp(Q(s,a)/T)).</summary>
    private double Backup(int s, ReadOnlySpan<double> r, double gamma, double t)
    {
        int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
        double best = double.NegativeInfinity;
        for (int sa = first; sa < first + k; sa++)
        {
            double q = r[s] + gamma * _backup.Expected(sa, _v);
            _q[sa] = q;
            best = Math.Max(best, q);
        }
        double sum = 0;
        for (int sa = first; sa < first + k; sa++) sum += Math.Exp((_q[sa] - best) / t);
        return best + t * Math.Log(sum / k);
    }
}

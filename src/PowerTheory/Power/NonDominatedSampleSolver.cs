using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// The per-sample oracle of the fast path. For γ ∈ (0,1): V̂(s) = max_{f∈F_nd(s)} f·r, then the per-sample solver's
/// own certificate and decision rule (docs/theory.md §5.1): <see cref="ResidualCertificate.Certify"/> gives
/// Q̂(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V̂(s'), W(s) = (1−γ)·max_a Σ_s' T(s'|s,a)·V̂(s') and the bound E on |V̂ − V*|, and
/// a is optimal at s unless Q̂(s,a) &lt; max_b Q̂(s,b) − 2(γE + ρ) (<see cref="ResidualCertificate.MarkOptimal"/>).
/// When that leaves an action pair undecided, or E is above the target 10⁻⁹·max|r|/(1−γ), while the residual (not
/// rounding) is the reason, the sample is solved again by the exact per-sample solver and counted in
/// <see cref="SolveCertification.Refinements"/>; so both paths decide every sample by the same certified rule.
/// At γ = 1, g*(s) = max_{d∈RSD_nd(s)} d·r, while the Blackwell-optimal actions come from
/// <see cref="BlackwellLimitSolver"/> (the gains alone do not determine them), so at γ = 1 the fast path saves nothing
/// on the action probabilities.
/// </summary>
internal sealed class NonDominatedSampleSolver(Mdp mdp, NonDominatedOracles tables, double tolerance) : IRewardSolver
{
    private readonly BellmanBackup _backup = new(mdp);
    private readonly double[] _best = new double[mdp.StateCount];
    private readonly double[] _stateScore = new double[mdp.StateCount];
    private readonly double[] _actionScore = new double[mdp.StateActionCount];
    private readonly double[] _gain = new double[mdp.StateCount];
    private readonly double _roundingFactor = ResidualCertificate.RoundingFactor(mdp);
    private readonly BlackwellLimitSolver? _blackwell = tables.Gamma == 1 ? new BlackwellLimitSolver(mdp, tolerance) : null;
    private IRewardSolver? _exact;
    private SolveCertification _certification;

    public void Reset()
    {
        _blackwell?.Reset();
        _exact?.Reset();
    }

    /// <summary>The fast path's own solves merged with those it handed to the exact solver.</summary>
    public SolveCertification Certification => _exact is null ? _certification : _certification.Merge(_exact.Certification);

    public SolveCertification TakeCertification()
    {
        var c = _certification;
        _certification = default;
        return _exact is null ? c : c.Merge(_exact.TakeCertification());
    }

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
        var (bound, residual, rho) = ResidualCertificate.Certify(mdp, _backup, gamma, _roundingFactor, r, _best, _actionScore,
            _stateScore, value);
        double width = 2 * (gamma * bound + rho);
        double rMax = 0;
        foreach (double x in r) rMax = Math.Max(rMax, Math.Abs(x));
        double target = ResidualCertificate.Target(rMax, gamma);
        long near = ResidualCertificate.MarkOptimal(mdp, _actionScore, width, optimal, mark: true);
        var c = _certification;
        if ((near > 0 || bound > target) && residual > 3 * rho)
        {
            // V̂ from the tables is not accurate enough to decide this sample: the exact solver decides it (and counts it).
            _exact ??= ExactSampleSolvers.Instance.Create(mdp, gamma, tolerance);
            _exact.Solve(r, value, optimal);
            _certification = c with { Refinements = c.Refinements + 1 };
            return;
        }
        _certification = new SolveCertification(c.Solves + 1, Math.Max(c.MaxValueErrorBound, bound), c.Refinements,
            c.NearTies + near, c.Uncertified + (bound > target ? 1 : 0), Math.Max(c.Target, target));
    }
}

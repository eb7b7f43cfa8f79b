using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// One reward vector at γ ∈ (0,1), certified: the warm start and Howard's loop of <see cref="HowardIteration"/> with the
/// evaluator suited to the MDP, then a bound on the error and optimal actions decided by that bound
/// (docs/theory.md §5.1):
/// <list type="bullet">
/// <item>with d = TV − V (T the Bellman optimality operator, V Howard's values), MacQueen's bounds
/// TV + γ/(1−γ)·min d ≤ V* ≤ TV + γ/(1−γ)·max d give |V − V*| ≤ max|d|/(1−γ); adding the rounding allowance ρ of one
/// backup (ρ = (k+4)·2⁻⁵²·(max|r| + max|V|), k the longest transition row), the certified bound is
/// E = (max|d| + 3ρ)/(1−γ) + ρ on every V̂(s), and |Q̂(s,a) − Q*(s,a)| ≤ γE + ρ =: h;</item>
/// <item>action a is optimal at s unless Q̂(s,a) &lt; max_b Q̂(s,b) − 2h (then it is certainly not); an action within 2h
/// but not equal is undecided: the solve is refined (Howard's loop continued at a rounding-level margin) when that can
/// shrink h, and what stays undecided at the rounding floor is counted as a tie and reported
/// (<see cref="SolveCertification.NearTies"/>);</item>
/// <item>W(s) = (1−γ)·max_a E_a V (error ≤ (1−γ)·(E + ρ)), Q*(s,a) = r(s) + γ·E_a V.</item>
/// </list>
/// Allocation-free per solve with the functional-graph, dense and banded evaluators.
/// </summary>
internal sealed class DiscountedRewardSolver : IRewardSolver
{
    /// <summary>The evaluations a refinement may take.</summary>
    public const int MaxRefinementSteps = 20;

    private readonly Mdp _mdp;
    private readonly double _gamma;
    private readonly HowardIteration _howard;
    private readonly double[] _stateScore;
    private readonly double[] _actionScore;
    private readonly double _roundingFactor;
    private SolveCertification _certification;
    private double _halfWidth;

    public DiscountedRewardSolver(Mdp mdp, double gamma, double tieTolerance)
    {
        _mdp = mdp;
        _gamma = gamma;
        _ = tieTolerance; // γ ∈ (0,1) decides ties by the certified bound; the tolerance serves the γ = 0 and 1 limits.
        _howard = new HowardIteration(mdp, gamma);
        _stateScore = new double[mdp.StateCount];
        _actionScore = new double[mdp.StateActionCount];
        _roundingFactor = ResidualCertificate.RoundingFactor(mdp);
    }

    /// <summary>The optimal policy of the last solve (global state-action per state).</summary>
    public ReadOnlySpan<int> Policy => _howard.Policy;

    /// <summary>The improvement steps of the last solve.</summary>
    public int LastImprovements => _howard.Improvements;

    /// <summary>The certified bound E of the last solve on |V̂(s) − V*(s)|.</summary>
    public double LastErrorBound { get; private set; }

    /// <summary>What the solves since construction certified.</summary>
    public SolveCertification Certification => _certification;

    SolveCertification IRewardSolver.Certification => _certification;

    SolveCertification IRewardSolver.TakeCertification()
    {
        var c = _certification;
        _certification = default;
        return c;
    }

    public void Reset() => _howard.Evaluator.Forget();

    /// <summary>Finds an optimal policy for r (<see cref="Policy"/>) and its values, without the outputs.</summary>
    public void Optimise(ReadOnlySpan<double> r)
    {
        _howard.WarmStart(r);
        _howard.Iterate(r);
    }

    public void Solve(ReadOnlySpan<double> r, Span<double> futureValues, Span<bool> optimalActions)
    {
        SolveScores(r, futureValues, _stateScore, _actionScore);
        long nearTies = CountNearTies(_actionScore, optimalActions, mark: true);
        _certification = _certification with { NearTies = _certification.NearTies + nearTies };
    }

    /// <summary>Solves r and also returns V* (<paramref name="stateValues"/>, = max(V^π, max_a Q) so that
    /// V*(s) = max_a Q*(s,a) holds literally) and Q* (<paramref name="actionValues"/>), with the bound
    /// <see cref="LastErrorBound"/>.</summary>
    public void SolveScores(ReadOnlySpan<double> r, Span<double> futureValues, Span<double> stateValues, Span<double> actionValues)
    {
        Optimise(r);
        double rMax = 0;
        foreach (double x in r) rMax = Math.Max(rMax, Math.Abs(x));
        double target = ResidualCertificate.Target(rMax, _gamma);
        var (bound, residual, rho) = Certify(r, futureValues, stateValues, actionValues);
        bool refined = false;
        // Refine when the bound is above target or an action pair is undecided, and the residual (not rounding) is the
        // reason: Howard's loop stops at a margin of ε·max|r|/(1−γ), which may leave a little improvement untaken.
        if (residual > 3 * rho && (bound > target || CountNearTies(actionValues, default, mark: false) > 0))
        {
            _howard.Refine(r, 2 * rho, MaxRefinementSteps);
            (bound, _, _) = Certify(r, futureValues, stateValues, actionValues);
            refined = true;
        }
        LastErrorBound = bound;
        var c = _certification;
        _certification = new SolveCertification(c.Solves + 1, Math.Max(c.MaxValueErrorBound, bound),
            c.Refinements + (refined ? 1 : 0), c.NearTies, c.Uncertified + (bound > target ? 1 : 0), Math.Max(c.Target, target));
    }

    private (double Bound, double Residual, double Rho) Certify(ReadOnlySpan<double> r, Span<double> futureValues,
        Span<double> stateValues, Span<double> actionValues)
    {
        var result = ResidualCertificate.Certify(_mdp, _howard.Backup, _gamma, _roundingFactor, r, _howard.Values,
            actionValues, stateValues, futureValues);
        _halfWidth = _gamma * result.Bound + result.Rho;
        return result;
    }

    private long CountNearTies(ReadOnlySpan<double> actionValues, Span<bool> optimal, bool mark) =>
        ResidualCertificate.MarkOptimal(_mdp, actionValues, 2 * _halfWidth, optimal, mark);
}

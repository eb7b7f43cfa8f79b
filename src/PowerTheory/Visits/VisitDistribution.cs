using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Visits;

/// <summary>
/// The discounted state visit distribution f^{π,s}(γ) = Σ_t γ^t·E[e_{s_t} | π, s₀ = s] = (I − γT_π)⁻ᵀ·e_s of a policy
/// from a start state, at one γ ∈ [0,1). Its entries are non-negative, ‖f‖₁ = 1/(1−γ), and V^π_R(s,γ) = f·r
/// (state-based reward, counted at every visited state including the first).
/// </summary>
public sealed class VisitDistribution
{
    private readonly double[] _visits;

    private VisitDistribution(Mdp mdp, int start, double gamma, double[] visits)
    {
        Mdp = mdp;
        Start = start;
        Gamma = gamma;
        _visits = visits;
    }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The start state s.</summary>
    public int Start { get; }

    /// <summary>The discount γ at which the distribution is evaluated.</summary>
    public double Gamma { get; }

    /// <summary>f(s') for every state s' (expected discounted number of visits).</summary>
    public IReadOnlyList<double> Visits => Array.AsReadOnly(_visits);

    /// <summary>f(s') for one state.</summary>
    public double this[int state] => _visits[state];

    /// <summary>A copy of the vector.</summary>
    public double[] ToArray() => (double[])_visits.Clone();

    /// <summary>‖f‖₁ = Σ_s' f(s'), which equals 1/(1−γ).</summary>
    public double Total => _visits.Sum();

    /// <summary>V^π_R(s,γ) = f·r.</summary>
    public double Value(ReadOnlySpan<double> rewards)
    {
        MdpPreconditions.CheckRewardVector(Mdp, rewards);
        double v = 0;
        for (int i = 0; i < _visits.Length; i++) v += _visits[i] * rewards[i];
        return v;
    }

    /// <summary>Computes f^{π,s}(γ) for a deterministic policy (path-to-cycle formula on deterministic MDPs,
    /// an exact linear solve otherwise).</summary>
    public static VisitDistribution Compute(Mdp mdp, Policy policy, int start, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        PolicyEvaluation.CheckSameMdp(mdp, policy.Mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        Preconditions.CheckDiscount(gamma);
        var f = new double[mdp.StateCount];
        if (mdp.IsDeterministic)
        {
            FunctionalGraph.Visits(PolicyEvaluation.SuccessorsOf(mdp, policy), start, gamma, f);
        }
        else
        {
            var e = new double[mdp.StateCount];
            e[start] = 1;
            f = PolicyMatrix.From(mdp, policy, gamma).SolveVisits(e);
            Clamp(f);
        }
        return new VisitDistribution(mdp, start, gamma, f);
    }

    /// <summary>Computes f^{π,s}(γ) for a stochastic policy by an exact linear solve.</summary>
    public static VisitDistribution Compute(Mdp mdp, StochasticPolicy policy, int start, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        PolicyEvaluation.CheckSameMdp(mdp, policy.Mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        Preconditions.CheckDiscount(gamma);
        var e = new double[mdp.StateCount];
        e[start] = 1;
        var f = PolicyMatrix.From(mdp, policy, gamma).SolveVisits(e);
        Clamp(f);
        return new VisitDistribution(mdp, start, gamma, f);
    }

    /// <summary>Wraps a vector computed elsewhere (e.g. an occupancy-LP solution); entries must be finite and non-negative.</summary>
    public static VisitDistribution FromVector(Mdp mdp, int start, double gamma, IReadOnlyList<double> visits)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        Preconditions.CheckDiscount(gamma);
        var f = visits.ToArray();
        MdpPreconditions.CheckRewardVector(mdp, f, nameof(visits));
        if (f.Any(x => x < 0)) throw new ArgumentException("visit counts must be non-negative.", nameof(visits));
        return new VisitDistribution(mdp, start, gamma, f);
    }

    // Rounding in the linear solve can leave entries like −1e-17 where the exact value is 0.
    private static void Clamp(double[] f)
    {
        for (int i = 0; i < f.Length; i++)
            if (f[i] < 0 && f[i] > -1e-12) f[i] = 0;
    }
}

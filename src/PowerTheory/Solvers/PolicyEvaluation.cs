using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Exact policy evaluation: V^π_R = (I − γT_π)⁻¹·r for a state-based reward r, i.e.
/// V^π(s) = r(s) + γ·Σ_a π(a|s)·Σ_s' T(s'|s,a)·V^π(s') for γ ∈ [0,1).
/// </summary>
public static class PolicyEvaluation
{
    /// <summary>V^π for a deterministic policy. Deterministic MDPs use the O(|S|) path-to-cycle formula; stochastic ones an
    /// exact linear solve.</summary>
    public static double[] Evaluate(Mdp mdp, Policy policy, ReadOnlySpan<double> rewards, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        CheckSameMdp(mdp, policy.Mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        Preconditions.CheckDiscount(gamma);
        if (mdp.IsDeterministic)
        {
            int n = mdp.StateCount;
            var next = SuccessorsOf(mdp, policy);
            var values = new double[n];
            FunctionalGraph.Evaluate(next, rewards, gamma, values, new FunctionalGraphCycles(n));
            return values;
        }
        return PolicyMatrix.From(mdp, policy, gamma).SolveValues(rewards);
    }

    /// <summary>V^π for a stochastic policy, by an exact linear solve.</summary>
    public static double[] Evaluate(Mdp mdp, StochasticPolicy policy, ReadOnlySpan<double> rewards, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(policy);
        CheckSameMdp(mdp, policy.Mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        Preconditions.CheckDiscount(gamma);
        return PolicyMatrix.From(mdp, policy, gamma).SolveValues(rewards);
    }

    /// <summary>Q^π(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V(s') for every global state-action index, given V.</summary>
    public static double[] ActionValues(Mdp mdp, ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        MdpPreconditions.CheckRewardVector(mdp, values, nameof(values));
        Preconditions.CheckDiscount(gamma);
        var q = new double[mdp.StateActionCount];
        new BellmanBackup(mdp).ActionValues(rewards, values, gamma, q);
        return q;
    }

    internal static int[] SuccessorsOf(Mdp mdp, Policy policy)
    {
        var next = new int[mdp.StateCount];
        for (int s = 0; s < next.Length; s++) next[s] = mdp.Successors(policy.StateActionAt(s))[0];
        return next;
    }

    internal static void CheckSameMdp(Mdp mdp, Mdp other)
    {
        if (!ReferenceEquals(mdp, other) && !mdp.Equals(other))
            throw new ArgumentException("the policy belongs to a different MDP.", "policy");
    }
}

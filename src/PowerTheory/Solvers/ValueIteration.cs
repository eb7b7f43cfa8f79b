using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Value iteration V_{k+1}(s) = r(s) + γ·max_a Σ_s' T(s'|s,a)·V_k(s'), started at V₀ = r, stopped on the bound that
/// guarantees the requested accuracy: ‖V_{k+1} − V*‖∞ ≤ γ/(1−γ)·‖V_{k+1} − V_k‖∞ ≤ accuracy (never on a relative change).
/// </summary>
public static class ValueIteration
{
    /// <summary>Solves for V* to the requested absolute accuracy.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="rewards">r(s), one finite entry per state.</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="accuracy">The guaranteed bound on ‖V − V*‖∞ (default 1e-10).</param>
    /// <param name="tieTolerance">Relative tolerance for optimal-action ties (see <see cref="OptimalValues.TieTolerance"/>);
    /// by default 10·accuracy.</param>
    /// <param name="maxIterations">A safety cap; exceeding it throws.</param>
    public static OptimalValues Solve(Mdp mdp, ReadOnlySpan<double> rewards, double gamma, double accuracy = 1e-10,
        double? tieTolerance = null, int maxIterations = 10_000_000)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        Preconditions.CheckDiscount(gamma);
        ValueBounds.Check(mdp, rewards, gamma);
        Preconditions.CheckTolerance(accuracy, nameof(accuracy));
        int n = mdp.StateCount;
        var r = rewards.ToArray();
        var v = (double[])r.Clone();
        var next = new double[n];
        var backup = new BellmanBackup(mdp);
        double factor = gamma / (1 - gamma);
        int iterations = 0;
        double bound = double.PositiveInfinity;
        double bestBound = double.PositiveInfinity;
        int sinceBest = 0;
        while (true)
        {
            if (iterations >= maxIterations)
                throw new InvalidOperationException(
                    $"value iteration did not reach accuracy {accuracy:G3} within {maxIterations} sweeps (bound {bound:G3}).");
            // In exact arithmetic the bound shrinks by a factor γ every sweep; when it stops improving for many sweeps it
            // has hit the rounding floor (about γ/(1−γ)·ulp(‖V‖∞)), and the requested accuracy can never be certified.
            if (sinceBest >= StallSweeps)
                throw new InvalidOperationException(
                    $"value iteration cannot certify accuracy {accuracy:G3}: the bound γ/(1−γ)·‖V_(k+1) − V_k‖∞ stopped improving at " +
                    $"{bestBound:G3} after {iterations} sweeps (floating-point rounding floor at γ = {gamma}); request a larger accuracy.");
            SolveCancellation.ThrowIfRequested();
            double diff = backup.Sweep(r, gamma, v, next);
            (v, next) = (next, v);
            iterations++;
            bound = factor * diff;
            if (bound <= accuracy) break;
            if (bound < bestBound)
            {
                bestBound = bound;
                sinceBest = 0;
            }
            else
            {
                sinceBest++;
            }
        }
        var q = new double[mdp.StateActionCount];
        backup.ActionValues(r, v, gamma, q);
        var policy = GreedyPolicy(mdp, q);
        return new OptimalValues(mdp, gamma, r, v, q, policy, ValueMethod.ValueIteration, iterations, bound,
            tieTolerance ?? Math.Max(10 * accuracy, 1e-12));
    }

    /// <summary>Sweeps without a new smallest bound after which value iteration reports a rounding-floor stall.</summary>
    internal const int StallSweeps = 64;

    internal static Policy GreedyPolicy(Mdp mdp, ReadOnlySpan<double> q)
    {
        var actions = new int[mdp.StateCount];
        for (int s = 0; s < actions.Length; s++)
        {
            int first = mdp.FirstStateAction(s);
            int best = 0;
            for (int a = 1; a < mdp.ActionCount(s); a++)
                if (q[first + a] > q[first + best]) best = a;
            actions[s] = best;
        }
        return Policy.Wrap(mdp, actions);
    }
}

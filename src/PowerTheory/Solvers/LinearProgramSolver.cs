using System.Globalization;
using Google.OrTools.LinearSolver;
using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// Optimal values by linear programming over occupancy measures, solved with OR-Tools GLOP (a primal/dual simplex code).
/// </summary>
/// <remarks>
/// <para><b>The LP.</b> With one variable x(s,a) ≥ 0 per state-action pair (the expected discounted number of times a is
/// taken in s) and uniform start weights,
/// <code>
/// maximise   Σ_{s,a} x(s,a)·r(s)
/// subject to Σ_a x(s',a) − γ·Σ_{s,a} T(s'|s,a)·x(s,a) = 1   for every state s'
///            x ≥ 0.
/// </code>
/// Its dual is the value LP: minimise Σ_s V(s) subject to V(s) ≥ r(s) + γ·Σ_s' T(s'|s,a)·V(s') for every (s,a), whose
/// unique optimum is V*. Every start weight is positive, so every state's value is pinned: the dual value (shadow price)
/// of the constraint of s' is ∂(optimal objective)/∂(weight of s') = V*(s') (OR-Tools reports duals of a maximisation in this
/// sign). Since Σ_a x(s,a) ≥ 1 at every state and the basis has |S| columns, an optimal basic solution has exactly one
/// positive x(s,a) per state: that action is the LP's policy.</para>
/// <para><b>Accuracy.</b> GLOP's default feasibility tolerances (1e-8 scaled) are too loose for a 1e-9 relative
/// agreement, so the solve (1) tightens <c>primal_feasibility_tolerance</c> and <c>dual_feasibility_tolerance</c> to 1e-12
/// and keeps <c>provide_strong_optimal_guarantee</c> on; (2) reads V from the duals; (3) <em>certifies</em> the result a
/// posteriori with the Bellman residual ρ = max_s |max_a [r(s) + γ·Σ T(s'|s,a)V(s')] − V(s)|, using the contraction bound
/// ‖V − V*‖∞ ≤ ρ/(1−γ). (4) If that bound exceeds <c>relativeAccuracy·max(‖V‖∞, ‖r‖∞)</c>, the duals are recomputed from
/// the optimal basis with a fresh exact factorisation (B is (I − γT_π)ᵀ for the basis policy π, so the duals solve
/// (I − γT_π)V = r; this is the "iterative refinement of the basic solution" step of exact LP codes) and certified
/// again; if the bound still fails the solver throws rather than return an uncertified answer. The reported
/// <see cref="OptimalValues.ErrorBound"/> is the final certificate ρ/(1−γ). No policy-iteration step is ever taken: the
/// optimal vertex is chosen by the simplex method alone.</para>
/// <para>The LP has Σ_s |A(s)| columns and |S| rows; it is meant as an independent check on small and medium MDPs
/// (thousands of states), not as the fast path (use <see cref="PolicyIteration"/>).</para>
/// </remarks>
public static class LinearProgramSolver
{
    /// <summary>The GLOP parameters (text-format <c>GlopParameters</c>) used for every solve.</summary>
    public const string GlopParameters =
        "primal_feasibility_tolerance:1e-12 dual_feasibility_tolerance:1e-12 provide_strong_optimal_guarantee:true";

    /// <summary>
    /// Solves for V*(s) = max_π V^π_R(s,γ) by the occupancy-measure LP (see the type remarks), with
    /// Q*(s,a) = r(s) + γ·Σ_s' T(s'|s,a)·V*(s') and the optimal action sets.
    /// </summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="rewards">r(s), one finite entry per state (any sign).</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="tieTolerance">Relative tolerance for optimal-action ties (see <see cref="OptimalValues.TieTolerance"/>),
    /// default 1e-9.</param>
    /// <param name="relativeAccuracy">The certified bound required on ‖V − V*‖∞ relative to max(‖V‖∞, ‖r‖∞), in
    /// (0, 1); default 1e-10.</param>
    /// <returns>V*, Q*, the basis policy and the certificate ρ/(1−γ) as <see cref="OptimalValues.ErrorBound"/>;
    /// <see cref="OptimalValues.Method"/> is <c>linear-program</c> and <see cref="OptimalValues.Iterations"/> the simplex
    /// iteration count.</returns>
    /// <exception cref="InvalidOperationException">GLOP is unavailable, the LP is not solved to optimality, or the result
    /// cannot be certified to the requested accuracy.</exception>
    public static OptimalValues Solve(Mdp mdp, ReadOnlySpan<double> rewards, double gamma, double tieTolerance = 1e-9,
        double relativeAccuracy = 1e-10)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckRewardVector(mdp, rewards);
        Preconditions.CheckDiscount(gamma);
        ValueBounds.Check(mdp, rewards, gamma);
        Preconditions.CheckTolerance(tieTolerance, nameof(tieTolerance));
        Preconditions.CheckTolerance(relativeAccuracy, nameof(relativeAccuracy));
        if (relativeAccuracy >= 1)
            throw new ArgumentOutOfRangeException(nameof(relativeAccuracy), relativeAccuracy,
                $"relativeAccuracy must be in (0, 1); got {Preconditions.Format(relativeAccuracy)}.");
        int n = mdp.StateCount;
        var r = rewards.ToArray();
        var (duals, actions, iterations) = SolveOccupancyLp(mdp, r, gamma);

        double rMax = 0;
        foreach (var x in r) rMax = Math.Max(rMax, Math.Abs(x));
        var q = new double[mdp.StateActionCount];
        double bound = Certify(mdp, r, gamma, duals, q);
        var values = duals;
        if (bound > relativeAccuracy * Math.Max(VectorNorms.MaxAbs(values), rMax))
        {
            // Recompute the duals of the optimal basis: B = (I − γT_π)ᵀ, so (I − γT_π)·V = r.
            var basisPolicy = Policy.Wrap(mdp, actions);
            values = PolicyEvaluation.Evaluate(mdp, basisPolicy, r, gamma);
            bound = Certify(mdp, r, gamma, values, q);
            if (bound > relativeAccuracy * Math.Max(VectorNorms.MaxAbs(values), rMax))
                throw new InvalidOperationException(
                    $"the LP solution could not be certified: Bellman residual bound {bound.ToString("G3", CultureInfo.InvariantCulture)} " +
                    $"exceeds {relativeAccuracy.ToString("G3", CultureInfo.InvariantCulture)}·max(‖V‖∞, ‖r‖∞); GLOP returned a basis that is not optimal to the required accuracy.");
        }
        // Report V*(s) = max_a Q*(s,a) literally (they agree within the certificate).
        for (int s = 0; s < n; s++)
        {
            double best = double.NegativeInfinity;
            for (int sa = mdp.FirstStateAction(s); sa < mdp.FirstStateAction(s) + mdp.ActionCount(s); sa++)
                best = Math.Max(best, q[sa]);
            values[s] = best;
        }
        return new OptimalValues(mdp, gamma, r, values, q, Policy.Wrap(mdp, actions), ValueMethod.LinearProgram,
            (int)Math.Min(iterations, int.MaxValue), bound, tieTolerance);
    }

    /// <summary>
    /// Solves the occupancy LP with GLOP and returns the raw duals (V), the basis policy (the action with the largest
    /// x(s,a) at each state) and the simplex iteration count. Internal so that tests can inspect the raw duals.
    /// </summary>
    internal static (double[] Duals, int[] Actions, long Iterations) SolveOccupancyLp(Mdp mdp, double[] r, double gamma)
    {
        int n = mdp.StateCount;
        using var solver = GlopSolvers.Create("the linear-program value solver");
        if (!solver.SetSolverSpecificParametersAsString(GlopParameters))
            throw new InvalidOperationException($"GLOP rejected the parameters '{GlopParameters}'.");
        var constraints = new Constraint[n];
        for (int s = 0; s < n; s++) constraints[s] = solver.MakeConstraint(1.0, 1.0, "flow_" + s.ToString(CultureInfo.InvariantCulture));
        var variables = new Variable[mdp.StateActionCount];
        var objective = solver.Objective();
        for (int s = 0; s < n; s++)
        {
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                int sa = mdp.FirstStateAction(s) + a;
                var x = solver.MakeNumVar(0.0, double.PositiveInfinity, "x_" + sa.ToString(CultureInfo.InvariantCulture));
                variables[sa] = x;
                var succ = mdp.Successors(sa);
                var prob = mdp.Probabilities(sa);
                double self = 1.0;
                for (int k = 0; k < succ.Length; k++)
                {
                    if (succ[k] == s) self -= gamma * prob[k];
                    else constraints[succ[k]].SetCoefficient(x, -gamma * prob[k]);
                }
                constraints[s].SetCoefficient(x, self);
                objective.SetCoefficient(x, r[s]);
            }
        }
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"GLOP did not solve the occupancy LP to optimality (status {status}).");
        var duals = new double[n];
        for (int s = 0; s < n; s++) duals[s] = constraints[s].DualValue();
        var actions = new int[n];
        for (int s = 0; s < n; s++)
        {
            int first = mdp.FirstStateAction(s);
            double best = double.NegativeInfinity;
            for (int a = 0; a < mdp.ActionCount(s); a++)
            {
                double x = variables[first + a].SolutionValue();
                if (x > best)
                {
                    best = x;
                    actions[s] = a;
                }
            }
        }
        return (duals, actions, solver.Iterations());
    }

    /// <summary>Fills Q from V and returns ρ/(1−γ) with ρ = max_s |max_a Q(s,a) − V(s)| (a bound on ‖V − V*‖∞).</summary>
    private static double Certify(Mdp mdp, double[] r, double gamma, double[] values, double[] q)
    {
        new BellmanBackup(mdp).ActionValues(r, values, gamma, q);
        double residual = 0;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double best = double.NegativeInfinity;
            for (int sa = mdp.FirstStateAction(s); sa < mdp.FirstStateAction(s) + mdp.ActionCount(s); sa++)
                best = Math.Max(best, q[sa]);
            residual = Math.Max(residual, Math.Abs(best - values[s]));
        }
        if (double.IsNaN(residual)) return double.PositiveInfinity;
        return residual / (1 - gamma);
    }
}

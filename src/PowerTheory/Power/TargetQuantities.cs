using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>The quantities a target-accuracy run must bring to its target (<see cref="PowerOptions.TargetStandardError"/>):
/// POWER of every state, every comparison's three figures and every event at every γ, and every action's optimality
/// probability when asked for (or when the run is optimality-only).</summary>
internal static class TargetQuantities
{
    /// <summary>The largest ratio of a target quantity's standard error (or 95% half-width) to the target, with the largest
    /// standard error, the largest half-width and the quantity of the largest ratio.</summary>
    public static (double Ratio, double WorstSe, double WorstHalfWidth, string Worst) Worst(PowerRunPlan plan, PowerTotals totals)
    {
        var o = plan.Options;
        bool halfWidth = o.TargetCi95HalfWidth is not null;
        double target = o.TargetStandardError ?? o.TargetCi95HalfWidth ?? 1;
        double ratio = 0, worstSe = 0, worstHw = 0;
        string worst = "";
        var slots = plan.Slots;
        var mdp = plan.Mdp;
        for (int g = 0; g < plan.Gammas.Length; g++)
        {
            string at = FormattableString.Invariant($" at γ = {plan.Gammas[g]}");
            for (int k = 0; k < slots.Moments; k++)
                Consider(totals.Estimate(g, k).Estimate, () => MomentName(plan, k) + at);
            if (o.TargetIncludesActions || !plan.ComputesPower)
                for (int sa = 0; sa < mdp.StateActionCount; sa++)
                    Consider(totals.Proportion(g, slots.Action(sa)), () => $"P(optimal) of action {sa}" + at);
            for (int e = 0; e < plan.Events.Length; e++)
                Consider(totals.Proportion(g, slots.Event(e)), () => $"event '{plan.Events[e].Event.Description}'" + at);
        }
        return (ratio, worstSe, worstHw, worst);

        void Consider(MonteCarloEstimate x, Func<string> name)
        {
            worstSe = Math.Max(worstSe, x.StandardError);
            worstHw = Math.Max(worstHw, x.Ci95HalfWidth);
            double r = (halfWidth ? x.Ci95HalfWidth : x.StandardError) / target;
            if (r > ratio || worst.Length == 0)
            {
                ratio = Math.Max(r, ratio);
                worst = name();
            }
        }
    }

    private static string MomentName(PowerRunPlan plan, int k)
    {
        if (plan.ComputesPower && k < plan.Mdp.StateCount) return $"POWER({plan.Mdp.StateNames[k]})";
        int c = (k - (plan.ComputesPower ? plan.Mdp.StateCount : 0)) / 3;
        var req = plan.Comparisons[c];
        return $"comparison {c} at state '{plan.Mdp.StateNames[req.State]}'";
    }
}

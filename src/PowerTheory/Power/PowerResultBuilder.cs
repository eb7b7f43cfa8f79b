using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>Turns a run's merged totals into the public <see cref="PowerResult"/>.</summary>
internal static class PowerResultBuilder
{
    public static PowerResult Build(PowerRunPlan plan, PowerTotals t, AccuracyReport? accuracy)
    {
        var o = plan.Options;
        var mdp = plan.Mdp;
        var slots = plan.Slots;
        var byGamma = new PowerAtDiscount[plan.Gammas.Length];
        for (int g = 0; g < plan.Gammas.Length; g++)
        {
            double gamma = plan.Gammas[g];
            var states = new StatePower[plan.ComputesPower ? mdp.StateCount : 0];
            for (int s = 0; s < states.Length; s++)
            {
                var (estimate, reduction) = t.Estimate(g, slots.Power(s));
                states[s] = new StatePower(s, mdp.StateNames[s], estimate) { VarianceReduction = reduction };
            }
            var actions = new ActionOptimality[mdp.StateActionCount];
            for (int s = 0; s < mdp.StateCount; s++)
                for (int a = 0; a < mdp.ActionCount(s); a++)
                {
                    int sa = mdp.FirstStateAction(s) + a;
                    actions[sa] = new ActionOptimality(s, mdp.StateNames[s], a, mdp.ActionName(s, a), t.Proportion(g, slots.Action(sa)));
                }
            var comparisons = new PowerSeekingComparison[plan.Comparisons.Length];
            for (int c = 0; c < comparisons.Length; c++)
            {
                var req = plan.Comparisons[c];
                comparisons[c] = new PowerSeekingComparison(gamma, req.State, mdp.StateNames[req.State],
                    req.Action, mdp.ActionName(req.State, req.Action), req.OtherAction, mdp.ActionName(req.State, req.OtherAction),
                    t.Estimate(g, slots.Comparison(c, 0)).Estimate, t.Estimate(g, slots.Comparison(c, 1)).Estimate, t.Estimate(g, slots.Comparison(c, 2)).Estimate,
                    plan.Comparisons.Length * plan.Gammas.Length);
            }
            var events = new EventProbability[plan.Events.Length];
            for (int e = 0; e < events.Length; e++)
                events[e] = new EventProbability(plan.Events[e].Event, gamma, t.Proportion(g, slots.Event(e)));
            byGamma[g] = new PowerAtDiscount(mdp, gamma, states, actions, comparisons, events, t.Certifications[g]);
        }
        var kept = plan.Kept;
        var sampling = plan.Sampling;
        var estimator = new EstimatorReport(sampling.Name, sampling.Sampler,
            sampling.Covariates is null ? [] : ControlVariatePlan.Names, t.Units, sampling.Sobol ? plan.BlockSize : 1);
        if (kept is not null && t.Count < o.Samples)
            kept = kept.Select(k => k.AsSpan(0, (int)(t.Count * mdp.StateCount)).ToArray()).ToArray();
        return new PowerResult(mdp, plan.Rewards.Spec, (int)t.Count, o.Seed, plan.BlockSize, plan.Threads, byGamma, kept)
        {
            SamplesRequested = o.Samples,
            StoppedAtTimeLimit = t.StoppedAtTimeLimit,
            Estimator = estimator,
            Accuracy = accuracy,
        };
    }
}

using System.Globalization;
using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The one-line verdict on a decision-maker's tendency, from paired differences tested by <see cref="TendencySignificance"/>
/// ("significant" below means |D̄| ≥ z*·SE with z* corrected for every comparison of the run). With t_opt = P_opt − P_rand
/// the optimal agent's tendency and d its sign:
/// <list type="bullet">
/// <item><b>no prediction</b> when t_opt = 0 exactly in every sample; <b>not distinguishable</b> when t_opt is not significant;</item>
/// <item><b>reverses</b> when d·(P − P_rand) is significantly negative;</item>
/// <item><b>holds</b> when d·(P − P_rand) is significantly positive and d·(P − P_opt) is not significantly negative;</item>
/// <item><b>weakens</b> when d·(P − P_opt) is significantly negative (with the share (P − P_rand)/t_opt that remains);</item>
/// <item><b>not distinguishable</b> otherwise: different from neither reference at this sample size.</item>
/// </list>
/// Every not-distinguishable verdict carries the samples that would make the observed difference significant.
/// </summary>
internal static class TendencyJudge
{
    /// <summary>The comparisons m of a run (see <see cref="TendencySignificance"/>'s remarks).</summary>
    public static int Comparisons(int decisionMakers, bool avoid, int actions) =>
        (avoid ? 1 : Math.Max(1, actions)) + 2 * Math.Max(0, decisionMakers - 2);

    public static void Judge(DecisionMakerTendency t, DecisionMakerTendency optimal, DecisionMakerTendency random, bool avoid,
        int favoured, TendencySignificance test)
    {
        MonteCarloEstimate Value(DecisionMakerTendency x) => avoid ? x.Avoid!.Value : x.ActionProbabilities[favoured];
        MonteCarloEstimate VersusOptimal(DecisionMakerTendency x) => avoid ? x.AvoidVersusOptimal!.Value : x.ActionsVersusOptimal[favoured];
        MonteCarloEstimate VersusRandom(DecisionMakerTendency x) => avoid ? x.AvoidVersusRandom!.Value : x.ActionsVersusRandom[favoured];
        var tOpt = VersusRandom(optimal);
        var p = Value(t);
        var vo = VersusOptimal(t);
        var vr = VersusRandom(t);
        string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        string Z(MonteCarloEstimate d) => d.StandardError == 0 ? "exact" : "z = " + d.ZScore(0).ToString("0.0", CultureInfo.InvariantCulture);
        string Diff(MonteCarloEstimate d) => $"{F(d.Mean)} ± {F(d.StandardError)} ({Z(d)})";
        string how = test.Describe();
        t.SamplesNeeded = null;
        if (tOpt.Mean == 0 && tOpt.StandardError == 0)
        {
            t.Verdict = TendencyVerdict.NoPrediction;
            t.VerdictText = "no prediction: the optimal agent's figure equals the random agent's in every sample";
            return;
        }
        if (!test.IsSignificant(tOpt))
        {
            t.Verdict = TendencyVerdict.NotDistinguishable;
            t.SamplesNeeded = test.SamplesNeeded(tOpt);
            t.VerdictText = $"not distinguishable at this sample size: the optimal agent's own tendency, optimal − random = {Diff(tOpt)}, " +
                $"is not significant ({how}); {Needed(t.SamplesNeeded)}";
            return;
        }
        double d = Math.Sign(tOpt.Mean);
        string evidence = $"{F(p.Mean)} vs optimal {F(Value(optimal).Mean)}: versus optimal {Diff(vo)}, versus random {Diff(vr)}; {how}";
        bool towardsRandomSide = test.IsSignificant(vr) && d * vr.Mean < 0;
        bool beyondRandom = test.IsSignificant(vr) && d * vr.Mean > 0;
        bool belowOptimal = test.IsSignificant(vo) && d * vo.Mean < 0;
        bool aboveOptimal = test.IsSignificant(vo) && d * vo.Mean > 0;
        if (towardsRandomSide)
        {
            t.Verdict = TendencyVerdict.Reverses;
            t.VerdictText = "reverses: " + evidence;
        }
        else if (beyondRandom && !belowOptimal)
        {
            t.Verdict = TendencyVerdict.Holds;
            t.VerdictText = (aboveOptimal ? "holds, and is stronger than the optimal agent's: " : "holds: ") + evidence;
        }
        else if (belowOptimal)
        {
            t.Verdict = TendencyVerdict.Weakens;
            string remains = vr.Mean == 0 && vr.StandardError == 0 ? "none of the optimal tendency over random remains (exactly)"
                : beyondRandom
                ? $"{(vr.Mean / tOpt.Mean * 100).ToString("0", CultureInfo.InvariantCulture)}% of the optimal tendency over random remains"
                : "what remains is not distinguishable from the random agent";
            t.VerdictText = $"weakens: {evidence}; {remains}";
        }
        else
        {
            t.Verdict = TendencyVerdict.NotDistinguishable;
            long? a = test.SamplesNeeded(vo), b = test.SamplesNeeded(vr);
            t.SamplesNeeded = a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
            t.VerdictText = $"not distinguishable at this sample size from either the optimal or the random agent: {evidence}; {Needed(t.SamplesNeeded)}";
        }
    }

    private static string Needed(long? samples) => samples switch
    {
        null => "no difference was observed, so no sample size is predicted to separate them",
        long.MaxValue => "a difference this small would need more than 9.2E+18 samples",
        var n => $"about {n.Value.ToString("N0", CultureInfo.InvariantCulture)} samples would make a difference of the observed size significant",
    };
}

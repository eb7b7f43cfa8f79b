using System.Globalization;
using PowerTheory.Power;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The one-line verdict on a decision-maker's tendency, from paired differences (z = 2):
/// with t_opt = P_opt − P_rand the optimal agent's tendency and d its sign,
/// <list type="bullet">
/// <item><b>no prediction</b> when |t_opt| &lt; 2·SE (the optimal agent shows none);</item>
/// <item><b>holds</b> when d·(P − P_opt) ≥ −2·SE;</item>
/// <item><b>reverses</b> when d·(P − P_rand) &lt; −2·SE (it leans the other way than the optimal agent);</item>
/// <item><b>weakens</b> otherwise, with the share (P − P_rand)/t_opt of the optimal tendency that remains.</item>
/// </list>
/// </summary>
internal static class TendencyJudge
{
    public const double Z = 2.0;

    public static void Judge(DecisionMakerTendency t, DecisionMakerTendency optimal, DecisionMakerTendency random, bool avoid, int favoured)
    {
        MonteCarloEstimate Value(DecisionMakerTendency x) => avoid ? x.Avoid!.Value : x.ActionProbabilities[favoured];
        MonteCarloEstimate VersusOptimal(DecisionMakerTendency x) => avoid ? x.AvoidVersusOptimal!.Value : x.ActionsVersusOptimal[favoured];
        MonteCarloEstimate VersusRandom(DecisionMakerTendency x) => avoid ? x.AvoidVersusRandom!.Value : x.ActionsVersusRandom[favoured];
        var tOpt = VersusRandom(optimal);
        var p = Value(t);
        var vo = VersusOptimal(t);
        var vr = VersusRandom(t);
        string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        string evidence = $"{F(p.Mean)} vs optimal {F(Value(optimal).Mean)}: difference {F(vo.Mean)} ± {F(vo.StandardError)}";
        if (Math.Abs(tOpt.Mean) < Z * tOpt.StandardError || tOpt.Mean == 0)
        {
            t.Verdict = TendencyVerdict.NoPrediction;
            t.VerdictText = $"no prediction: the optimal agent shows no tendency (optimal − random = {F(tOpt.Mean)} ± {F(tOpt.StandardError)})";
            return;
        }
        double d = Math.Sign(tOpt.Mean);
        if (d * vo.Mean >= -Z * vo.StandardError)
        {
            t.Verdict = TendencyVerdict.Holds;
            t.VerdictText = "holds: " + evidence;
        }
        else if (d * vr.Mean < -Z * vr.StandardError)
        {
            t.Verdict = TendencyVerdict.Reverses;
            t.VerdictText = $"reverses: {evidence}; versus random {F(vr.Mean)} ± {F(vr.StandardError)}";
        }
        else
        {
            t.Verdict = TendencyVerdict.Weakens;
            t.VerdictText = $"weakens: {evidence}; {(vr.Mean / tOpt.Mean * 100).ToString("0", CultureInfo.InvariantCulture)}% of the optimal tendency over random remains";
        }
    }
}

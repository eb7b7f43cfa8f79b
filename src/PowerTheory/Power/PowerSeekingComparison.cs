namespace PowerTheory.Power;

/// <summary>
/// The paired POWER-seeking comparison at one γ (OPTSP Def. 5.6): X = E_{T(s,a)}POWER(s_a,γ) and
/// Y = E_{T(s,a')}POWER(s_a',γ), estimated from the same reward samples, and the difference D = X − Y with its paired
/// standard error (the sample standard deviation of the per-sample differences over √N).
/// </summary>
/// <remarks>
/// Verdict rule: with z = D̄/SE(D), "a seeks more POWER" when z ≥ 3, "a' seeks more" when z ≤ −3, otherwise "cannot tell
/// at this sample size". When SE(D) = 0 (every per-sample difference equal) the sign of D̄ decides, and D̄ = 0 gives
/// <see cref="PowerSeekingVerdict.Equal"/>. A threshold of 3 keeps the false-verdict rate of a single comparison
/// below 0.3% when the true difference is 0.
/// </remarks>
public sealed class PowerSeekingComparison
{
    /// <summary>The |z| threshold of a verdict.</summary>
    public const double VerdictThreshold = 3.0;

    internal PowerSeekingComparison(double gamma, int state, string stateName, int action, string actionName,
        int otherAction, string otherActionName, MonteCarloEstimate expectedPowerOfAction,
        MonteCarloEstimate expectedPowerOfOther, MonteCarloEstimate difference)
    {
        Gamma = gamma;
        State = state;
        StateName = stateName;
        Action = action;
        ActionName = actionName;
        OtherAction = otherAction;
        OtherActionName = otherActionName;
        ExpectedPowerOfAction = expectedPowerOfAction;
        ExpectedPowerOfOther = expectedPowerOfOther;
        Difference = difference;
        if (difference.StandardError > 0)
        {
            ZScore = difference.Mean / difference.StandardError;
            Verdict = ZScore >= VerdictThreshold ? PowerSeekingVerdict.ActionSeeksMorePower
                : ZScore <= -VerdictThreshold ? PowerSeekingVerdict.OtherActionSeeksMorePower
                : PowerSeekingVerdict.CannotTell;
        }
        else
        {
            ZScore = difference.Mean > 0 ? double.PositiveInfinity : difference.Mean < 0 ? double.NegativeInfinity : 0;
            Verdict = difference.Mean > 0 ? PowerSeekingVerdict.ActionSeeksMorePower
                : difference.Mean < 0 ? PowerSeekingVerdict.OtherActionSeeksMorePower
                : PowerSeekingVerdict.Equal;
        }
    }

    /// <summary>The discount γ.</summary>
    public double Gamma { get; }

    /// <summary>The state s.</summary>
    public int State { get; }

    /// <summary>The name of s.</summary>
    public string StateName { get; }

    /// <summary>The action a.</summary>
    public int Action { get; }

    /// <summary>The name of a.</summary>
    public string ActionName { get; }

    /// <summary>The action a'.</summary>
    public int OtherAction { get; }

    /// <summary>The name of a'.</summary>
    public string OtherActionName { get; }

    /// <summary>E_{s_a~T(s,a)} POWER(s_a,γ).</summary>
    public MonteCarloEstimate ExpectedPowerOfAction { get; }

    /// <summary>E_{s_a'~T(s,a')} POWER(s_a',γ).</summary>
    public MonteCarloEstimate ExpectedPowerOfOther { get; }

    /// <summary>The paired difference D = X − Y with its paired standard error.</summary>
    public MonteCarloEstimate Difference { get; }

    /// <summary>z = D̄/SE(D) (±∞ when SE = 0 and D̄ ≠ 0).</summary>
    public double ZScore { get; }

    /// <summary>The verdict (see the remarks for the rule).</summary>
    public PowerSeekingVerdict Verdict { get; }

    /// <summary>A one-line description of the verdict.</summary>
    public string Describe() => Verdict switch
    {
        PowerSeekingVerdict.ActionSeeksMorePower => $"at '{StateName}', '{ActionName}' seeks more POWER than '{OtherActionName}' (difference {Difference}, z = {ZScore:F1})",
        PowerSeekingVerdict.OtherActionSeeksMorePower => $"at '{StateName}', '{OtherActionName}' seeks more POWER than '{ActionName}' (difference {Difference}, z = {ZScore:F1})",
        PowerSeekingVerdict.Equal => $"at '{StateName}', '{ActionName}' and '{OtherActionName}' give equal POWER in every sample",
        _ => $"at '{StateName}', cannot tell whether '{ActionName}' or '{OtherActionName}' seeks more POWER at this sample size (difference {Difference}, z = {ZScore:F1}, |z| < {VerdictThreshold})",
    };

    /// <inheritdoc />
    public override string ToString() => Describe();
}

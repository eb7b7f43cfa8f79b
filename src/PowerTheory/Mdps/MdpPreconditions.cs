using PowerTheory.Internal;

namespace PowerTheory.Mdps;

/// <summary>Argument checks that need the model (the Internal layer below knows no MDP); messages name the parameter,
/// the offending value and the allowed range.</summary>
internal static class MdpPreconditions
{
    /// <summary>Checks that a reward vector has one finite entry per state.</summary>
    public static void CheckRewardVector(Mdp mdp, ReadOnlySpan<double> rewards, string paramName = "rewards")
    {
        if (rewards.Length != mdp.StateCount)
            throw new ArgumentException(
                $"{paramName} must have one entry per state ({mdp.StateCount}); got {rewards.Length}.", paramName);
        for (int s = 0; s < rewards.Length; s++)
        {
            if (!double.IsFinite(rewards[s]))
                throw new ArgumentException(
                    $"{paramName}[{s}] (state '{mdp.StateNames[s]}') must be finite; got {Preconditions.Format(rewards[s])}.", paramName);
        }
    }

    /// <summary>Checks a state index.</summary>
    public static int CheckState(Mdp mdp, int state, string paramName = "state")
    {
        if ((uint)state >= (uint)mdp.StateCount)
            throw new ArgumentOutOfRangeException(paramName, state,
                $"{paramName} must be a state index in [0, {mdp.StateCount - 1}]; got {state}.");
        return state;
    }
}

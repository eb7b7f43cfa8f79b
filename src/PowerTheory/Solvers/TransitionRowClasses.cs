using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>Which actions of a state are the same action as far as the dynamics go: used to decide optimal-action sets
/// (an action with the policy's transition row always ties with it).</summary>
internal static class TransitionRowClasses
{
    /// <summary>Numbers the state-actions so that two actions of one state share a number exactly when their transition
    /// rows (successors and probabilities) are bit-identical.</summary>
    public static int[] Of(Mdp mdp)
    {
        var classes = new int[mdp.StateActionCount];
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int first = mdp.FirstStateAction(s), end = first + mdp.ActionCount(s);
            for (int sa = first; sa < end; sa++)
            {
                classes[sa] = sa;
                for (int other = first; other < sa; other++)
                    if (mdp.Successors(other).SequenceEqual(mdp.Successors(sa)) && mdp.Probabilities(other).SequenceEqual(mdp.Probabilities(sa)))
                    {
                        classes[sa] = classes[other];
                        break;
                    }
            }
        }
        return classes;
    }
}

namespace PowerTheory.DecisionMakers;

/// <summary>
/// How a decision-maker's tendency compares with the optimal agent's (see <see cref="DecisionMakerTendency"/>). Every
/// verdict other than <see cref="NotDistinguishable"/> and <see cref="NoPrediction"/> rests on two-sided paired z-tests
/// whose threshold z* accounts for every comparison made in the run (Bonferroni; see <see cref="TendencySignificance"/>).
/// </summary>
public enum TendencyVerdict
{
    /// <summary>The optimal agent provably shows no tendency: its figure equals the random baseline in every sample, so
    /// nothing is predicted.</summary>
    NoPrediction,

    /// <summary>Significantly on the optimal agent's side of the random baseline and not significantly below the optimal
    /// figure (the text says when it is significantly beyond it).</summary>
    Holds,

    /// <summary>Significantly below the optimal figure, and not significantly on the other side of the random baseline.</summary>
    Weakens,

    /// <summary>Significantly on the other side of the random baseline.</summary>
    Reverses,

    /// <summary>The samples cannot tell: either the optimal agent's own tendency is not significant, or the
    /// decision-maker is significantly different from neither the optimal agent nor the random one. The result states
    /// the samples that would make the observed difference significant
    /// (<see cref="DecisionMakerTendency.SamplesNeeded"/>).</summary>
    NotDistinguishable,
}

namespace PowerTheory.DecisionMakers;

/// <summary>How a decision-maker's tendency compares with the optimal agent's (see <see cref="DecisionMakerTendency"/>).</summary>
public enum TendencyVerdict
{
    /// <summary>The optimal agent shows no tendency beyond the random baseline (|z| &lt; 2), so nothing is predicted.</summary>
    NoPrediction,

    /// <summary>Not significantly below the optimal agent's figure (difference ≥ −2 SE in the predicted direction).</summary>
    Holds,

    /// <summary>Significantly below the optimal figure, but not significantly on the other side of the random baseline.</summary>
    Weakens,

    /// <summary>Significantly on the other side of the random baseline (difference from random &lt; −2 SE in the predicted direction).</summary>
    Reverses,
}

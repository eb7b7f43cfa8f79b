namespace PowerTheory.Power;

/// <summary>The verdict of a paired POWER-seeking comparison (see <see cref="PowerSeekingComparison"/>).</summary>
public enum PowerSeekingVerdict
{
    /// <summary>The samples cannot tell: |z| &lt; 3 for the paired difference.</summary>
    CannotTell,

    /// <summary>a seeks more POWER: the paired difference is positive with z ≥ 3 (or positive in every sample).</summary>
    ActionSeeksMorePower,

    /// <summary>a' seeks more POWER: the paired difference is negative with z ≤ −3 (or negative in every sample).</summary>
    OtherActionSeeksMorePower,

    /// <summary>The difference is exactly 0 in every sample (e.g. both actions lead to the same states).</summary>
    Equal,
}

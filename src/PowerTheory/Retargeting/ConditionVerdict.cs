namespace PowerTheory.Retargeting;

/// <summary>The verdict on one condition of a check.</summary>
public enum ConditionVerdict
{
    /// <summary>The condition holds on every element it quantifies over.</summary>
    Holds,

    /// <summary>A violating element was found (named in the detail).</summary>
    Fails,

    /// <summary>The budget ran out before the condition was decided.</summary>
    Undecided,
}

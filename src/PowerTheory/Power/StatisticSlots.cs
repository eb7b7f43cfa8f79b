namespace PowerTheory.Power;

/// <summary>
/// The layout of the per-γ statistics a run accumulates. Moments (mean and variance): POWER of each state (when POWER is
/// computed), then three per comparison (E POWER after the action, after the other action, their difference). Counts
/// (integers): one per state-action (optimal in the sample), then one per user event (held in the sample).
/// </summary>
internal sealed class StatisticSlots(int states, int stateActions, bool power, int comparisons, int events)
{
    /// <summary>Moments per γ.</summary>
    public int Moments { get; } = (power ? states : 0) + 3 * comparisons;

    /// <summary>Counts per γ.</summary>
    public int Counts { get; } = stateActions + events;

    /// <summary>The moment slot of POWER(s).</summary>
    public int Power(int state) => state;

    /// <summary>The moment slot of E POWER after the compared action (part 0), after the other action (1), or of their
    /// difference (2), for comparison <paramref name="comparison"/>.</summary>
    public int Comparison(int comparison, int part) => (power ? states : 0) + 3 * comparison + part;

    /// <summary>The count slot of state-action <paramref name="stateAction"/>.</summary>
    public int Action(int stateAction) => stateAction;

    /// <summary>The count slot of user event <paramref name="userEvent"/>.</summary>
    public int Event(int userEvent) => stateActions + userEvent;
}

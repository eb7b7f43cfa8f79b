namespace PowerTheory.Power;

/// <summary>Per-worker buffers for <see cref="EventPlan.Holds"/>: two stamp arrays (set membership without clearing:
/// 64-bit stamps never wrap) and two state lists.</summary>
internal sealed class EventScratch(int stateCount)
{
    private long _stamp;

    public long[] Stamp { get; } = new long[stateCount];
    public long[] Mark { get; } = new long[stateCount];
    public int[] Members { get; } = new int[stateCount];
    public int[] Queue { get; } = new int[stateCount];

    /// <summary>A stamp value not yet used.</summary>
    public long NextStamp() => ++_stamp;
}

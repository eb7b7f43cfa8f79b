namespace PowerTheory.Solvers;

/// <summary>
/// The cancellation a run hands down to the solvers it calls (its time limit, or the caller's token), so that one long
/// solve — a γ = 1 Blackwell iteration on 10⁵ states can take minutes — stops at the next improvement step or sweep
/// instead of running past the budget. A run opens a scope (<see cref="Begin"/>); the solvers' loops call
/// <see cref="ThrowIfRequested"/>. It flows into <see cref="Parallel"/> workers (an <see cref="AsyncLocal{T}"/>); outside
/// a scope nothing is cancelled. The Monte Carlo runs open one for their time limit; a caller of a single solve
/// (e.g. <see cref="PolicyIteration"/>) can open one to bound it:
/// <code>using (SolveCancellation.Begin(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token)) { … }</code>
/// A cancelled solve throws <see cref="OperationCanceledException"/> and leaves no result.
/// </summary>
public static class SolveCancellation
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>Makes <paramref name="token"/> the solvers' cancellation until the returned scope is disposed.</summary>
    public static Scope Begin(CancellationToken token)
    {
        var previous = Current.Value;
        Current.Value = token;
        return new Scope(previous);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the current run was cancelled.</summary>
    public static void ThrowIfRequested() => Current.Value.ThrowIfCancellationRequested();

    /// <summary>Restores the previous cancellation when disposed.</summary>
    public readonly struct Scope(CancellationToken previous) : IDisposable
    {
        /// <summary>Restores the previous cancellation.</summary>
        public void Dispose() => Current.Value = previous;
    }
}

using System.Collections.Concurrent;

namespace PowerTheory.Internal;

/// <summary>
/// Collects the places where a computation fell back or accepted less than it aimed for (an LP re-solved with other
/// settings, an iterative solve accepted at a looser residual), so that results can say so instead of degrading
/// silently. A result-producing entry point opens a scope (<see cref="Begin"/>); code below it calls
/// <see cref="Record"/>; the result's constructor takes <see cref="Snapshot"/>. Scopes nest and flow into
/// <see cref="Parallel"/> workers (an <see cref="AsyncLocal{T}"/>); a record counts in every enclosing scope.
/// </summary>
internal sealed class DegradationScope : IDisposable
{
    private static readonly AsyncLocal<DegradationScope?> CurrentScope = new();
    private static readonly IReadOnlyDictionary<string, long> None = new Dictionary<string, long>();

    private readonly DegradationScope? _parent;
    private readonly ConcurrentDictionary<string, long> _counts = new();

    private DegradationScope(DegradationScope? parent) => _parent = parent;

    /// <summary>Opens a scope for the current flow of execution; dispose it to close.</summary>
    public static DegradationScope Begin()
    {
        var scope = new DegradationScope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Records one occurrence of <paramref name="what"/> (a sentence a user can read) in every open scope.</summary>
    public static void Record(string what)
    {
        for (var s = CurrentScope.Value; s is not null; s = s._parent) s._counts.AddOrUpdate(what, 1, (_, c) => c + 1);
    }

    /// <summary>The counts of the innermost open scope, sorted by description (empty when none is open).</summary>
    public static IReadOnlyDictionary<string, long> Snapshot() =>
        CurrentScope.Value is { } s && !s._counts.IsEmpty
            ? new SortedDictionary<string, long>(s._counts, StringComparer.Ordinal)
            : None;

    public void Dispose() => CurrentScope.Value = _parent;
}

namespace PowerTheory.Visits;

/// <summary>
/// Thrown when enumerating the visit distributions of every deterministic policy would exceed the caller's budget. The
/// message names the state, the budget and the routine to use instead
/// (<c>Polytope.NonDominatedSearch</c>, which finds F_nd(s) without enumerating F(s)).
/// </summary>
public sealed class EnumerationBudgetExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public EnumerationBudgetExceededException(string message, long budget) : base(message) => Budget = budget;

    /// <summary>The budget (number of reach-restricted policies) that was exceeded.</summary>
    public long Budget { get; }
}

namespace PowerTheory.Budgets;

/// <summary>How a budgeted search ended.</summary>
public enum SearchStop
{
    /// <summary>The search ran to the end: its answer is exhaustive.</summary>
    Completed,

    /// <summary>The node budget (which also bounds memory) was reached; the answer is partial.</summary>
    NodeBudget,

    /// <summary>The time budget was reached; the answer is partial.</summary>
    TimeBudget,

    /// <summary>The limit on the size of the answer (which bounds its memory) was reached; the answer is partial.</summary>
    ResultLimit,

    /// <summary>The search went as deep as the call stack allows (a depth of about the model's size); the answer is
    /// partial.</summary>
    DepthLimit,
}

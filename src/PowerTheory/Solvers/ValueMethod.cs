namespace PowerTheory.Solvers;

/// <summary>How optimal values were computed (<see cref="OptimalValues.Method"/>).</summary>
public enum ValueMethod
{
    /// <summary>Policy iteration with exact evaluation (<see cref="Solvers.PolicyIteration"/>); name <c>policy-iteration</c>.</summary>
    PolicyIteration,

    /// <summary>Value iteration with the guaranteed γ/(1−γ) stopping bound (<see cref="Solvers.ValueIteration"/>); name
    /// <c>value-iteration</c>.</summary>
    ValueIteration,

    /// <summary>The occupancy-measure linear program (<see cref="LinearProgramSolver"/>); name <c>linear-program</c>.</summary>
    LinearProgram,
}

/// <summary>The stable names of <see cref="ValueMethod"/> used in files and on the command line.</summary>
public static class ValueMethodNames
{
    /// <summary>The name: <c>policy-iteration</c>, <c>value-iteration</c> or <c>linear-program</c>.</summary>
    public static string Name(this ValueMethod method) => method switch
    {
        ValueMethod.PolicyIteration => "policy-iteration",
        ValueMethod.ValueIteration => "value-iteration",
        ValueMethod.LinearProgram => "linear-program",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method."),
    };
}

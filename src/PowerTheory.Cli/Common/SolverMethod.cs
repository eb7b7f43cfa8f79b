using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Cli.Common;

/// <summary>The <c>--method</c> choices for optimal values and how each one is run.</summary>
public static class SolverMethod
{
    /// <summary>Policy iteration with exact evaluation (the reference solver; the default).</summary>
    public const string PolicyIteration = "policy-iteration";

    /// <summary>Value iteration stopped on the guaranteed bound γ/(1−γ)·‖V_{k+1} − V_k‖∞ ≤ accuracy.</summary>
    public const string ValueIteration = "value-iteration";

    /// <summary>The LP over occupancy measures (OR-Tools GLOP), certified by its Bellman residual.</summary>
    public const string LinearProgram = "linear-program";

    /// <summary>The accepted method names, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [PolicyIteration, ValueIteration, LinearProgram];

    /// <summary>Checks a <c>--method</c> value; anything else is a usage error naming the option and the value.</summary>
    public static string Parse(string? text) =>
        text is not null && Names.Contains(text)
            ? text
            : throw new CliUsageException($"--method must be one of {string.Join(", ", Names)}; got '{text}'.");

    /// <summary>Solves V* with the named method.</summary>
    /// <param name="method">One of <see cref="Names"/>.</param>
    /// <param name="mdp">The MDP.</param>
    /// <param name="rewards">r(s) per state.</param>
    /// <param name="gamma">γ ∈ [0,1).</param>
    /// <param name="accuracy">The guaranteed accuracy of value iteration (ignored by the exact methods).</param>
    public static OptimalValues Solve(string method, Mdp mdp, double[] rewards, double gamma, double accuracy) => method switch
    {
        PolicyIteration => Solvers.PolicyIteration.Solve(mdp, rewards, gamma),
        ValueIteration => Solvers.ValueIteration.Solve(mdp, rewards, gamma, accuracy),
        LinearProgram => Solvers.LinearProgramSolver.Solve(mdp, rewards, gamma),
        _ => throw new CliUsageException($"--method must be one of {string.Join(", ", Names)}; got '{method}'."),
    };
}

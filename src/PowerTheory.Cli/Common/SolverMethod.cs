using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Cli.Common;

/// <summary>The <c>--method</c> choices for optimal values and how each one is run.</summary>
public static class SolverMethod
{
    /// <summary>Policy iteration with exact evaluation (the reference solver; the default).</summary>
    public static readonly string PolicyIteration = ValueMethod.PolicyIteration.Name();

    /// <summary>Value iteration stopped on the guaranteed bound γ/(1−γ)·‖V_{k+1} − V_k‖∞ ≤ accuracy.</summary>
    public static readonly string ValueIteration = ValueMethod.ValueIteration.Name();

    /// <summary>The LP over occupancy measures (OR-Tools GLOP), certified by its Bellman residual.</summary>
    public static readonly string LinearProgram = ValueMethod.LinearProgram.Name();

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
    public static OptimalValues Solve(string method, Mdp mdp, double[] rewards, double gamma, double accuracy) =>
        method == PolicyIteration ? Solvers.PolicyIteration.Solve(mdp, rewards, gamma)
        : method == ValueIteration ? Solvers.ValueIteration.Solve(mdp, rewards, gamma, accuracy)
        : method == LinearProgram ? Solvers.LinearProgramSolver.Solve(mdp, rewards, gamma)
        : throw new CliUsageException($"--method must be one of {string.Join(", ", Names)}; got '{method}'.");
}

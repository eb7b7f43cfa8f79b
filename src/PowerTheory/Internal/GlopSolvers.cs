using Google.OrTools.LinearSolver;

namespace PowerTheory.Internal;

/// <summary>Creates OR-Tools GLOP solvers and fails with a clear message when the native solver is unavailable.</summary>
internal static class GlopSolvers
{
    /// <summary>A new GLOP solver (the caller disposes it).</summary>
    /// <param name="purpose">What needs the LP, for the error message.</param>
    public static Solver Create(string purpose)
    {
        var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
            throw new InvalidOperationException(
                $"{purpose} needs the OR-Tools GLOP linear-programming solver, but Solver.CreateSolver(\"GLOP\") returned null; " +
                "check that the Google.OrTools native runtime for this platform is installed.");
        return solver;
    }

    /// <summary>
    /// Solves and requires OPTIMAL. GLOP occasionally stops with ABNORMAL (or a spurious INFEASIBLE) on badly scaled
    /// programs; the programs solved here are always feasible and bounded (t is free below and bounded above, the other
    /// variables lie in boxes), so such a program is solved again without presolve, then with the dual simplex, before
    /// giving up.
    /// </summary>
    public static void SolveOptimal(Solver solver, string what)
    {
        var status = solver.Solve();
        foreach (var parameters in Retries)
        {
            if (status is not (Solver.ResultStatus.ABNORMAL or Solver.ResultStatus.INFEASIBLE)) break;
            DegradationScope.Record($"a {what} linear program ended with status {status} and was solved again with GLOP settings \"{parameters}\"");
            solver.SetSolverSpecificParametersAsString(parameters);
            solver.Reset();
            status = solver.Solve();
        }
        CheckOptimal(status, what);
    }

    private static readonly string[] Retries = ["use_preprocessing:false", "use_preprocessing:false use_dual_simplex:true"];

    public static void CheckOptimal(Solver.ResultStatus status, string what)
    {
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"the {what} linear program ended with status {status} instead of OPTIMAL.");
    }
}

using Google.OrTools.LinearSolver;

namespace PowerTheory.Polytope;

/// <summary>Creates OR-Tools GLOP solvers and fails with a clear message when the native solver is unavailable.</summary>
internal static class LinearProgramSolver
{
    public static Solver CreateGlop()
    {
        var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
            throw new InvalidOperationException(
                "OR-Tools could not create the GLOP linear-programming solver (Solver.CreateSolver(\"GLOP\") returned null); " +
                "check that the Google.OrTools native runtime for this platform is installed.");
        return solver;
    }

    public static void CheckOptimal(Solver.ResultStatus status, string what)
    {
        if (status != Solver.ResultStatus.OPTIMAL)
            throw new InvalidOperationException($"the {what} linear program ended with status {status} instead of OPTIMAL.");
    }
}

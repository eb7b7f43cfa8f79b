using PowerTheory.Budgets;
using PowerTheory.Symmetry;

namespace PowerTheory.DecisionMakers;

/// <summary>The theorem's side of a tendency: with avoided states, OPTSP Cor 6.14 / Thm 6.13 and PRDM Cor D.12 / Thm D.11
/// (average-optimal policies avoid them in at least n/(n+1) of every reward orbit); otherwise OPTSP Prop 6.9 for the
/// favoured action against each other action (no number, a ≥_most comparison).</summary>
internal static class TendencyCertificates
{
    /// <summary>The certificates of the run. <paramref name="budget"/>'s seconds are for all the searches together (each
    /// gets an equal share of what is left), and never more than <paramref name="secondsLeft"/>, what remains of the
    /// run's time limit (at least 0.05 s each, so a search can still say what it found).</summary>
    public static IReadOnlyList<TendencyCertificate> Find(TendencyRun run, int favoured, SearchBudget? budget, double? secondsLeft)
    {
        if (budget is null) return [];
        var mdp = run.Mdp;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        double total = Math.Min(budget.MaxSeconds, secondsLeft ?? double.PositiveInfinity);
        SearchBudget Share(int searchesLeft)
        {
            double left = total - System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
            return new SearchBudget(budget.MaxNodes, Math.Max(0.05, left / searchesLeft));
        }
        if (run.Avoid.Length > 0)
        {
            var c = SymmetryFinder.AverageOptimalAvoidance(mdp, run.State, run.Avoid, Share(1));
            return [new TendencyCertificate(c.Theorem, c.Statement, c.N, c.Holds ? c.N / (c.N + 1.0) : null, c.Summary)];
        }
        var others = Enumerable.Range(0, mdp.ActionCount(run.State)).Where(a => a != favoured && !SameRow(mdp, run.State, a, favoured)).ToArray();
        var list = new List<TendencyCertificate>();
        for (int i = 0; i < others.Length; i++)
        {
            var c = SymmetryFinder.KeepsOptionsOpen(mdp, run.State, favoured, others[i], Share(others.Length - i));
            list.Add(new TendencyCertificate(c.Theorem, c.Statement, c.N, null, c.Summary));
        }
        return list;
    }

    private static bool SameRow(Mdps.Mdp mdp, int s, int a, int b)
    {
        int x = mdp.FirstStateAction(s) + a, y = mdp.FirstStateAction(s) + b;
        return mdp.Successors(x).SequenceEqual(mdp.Successors(y)) && mdp.Probabilities(x).SequenceEqual(mdp.Probabilities(y));
    }
}

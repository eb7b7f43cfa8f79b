using PowerTheory.Budgets;
using PowerTheory.Symmetry;

namespace PowerTheory.DecisionMakers;

/// <summary>The theorem's side of a tendency: with avoided states, OPTSP Cor 6.14 / Thm 6.13 and PRDM Cor D.12 / Thm D.11
/// (average-optimal policies avoid them in at least n/(n+1) of every reward orbit); otherwise OPTSP Prop 6.9 for the
/// favoured action against each other action (no number, a ≥_most comparison).</summary>
internal static class TendencyCertificates
{
    public static IReadOnlyList<TendencyCertificate> Find(TendencyRun run, int favoured, SearchBudget? budget)
    {
        if (budget is null) return [];
        var mdp = run.Mdp;
        if (run.Avoid.Length > 0)
        {
            var c = SymmetryFinder.AverageOptimalAvoidance(mdp, run.State, run.Avoid, budget);
            return [new TendencyCertificate(c.Theorem, c.Statement, c.N, c.Holds ? c.N / (c.N + 1.0) : null, c.Summary)];
        }
        var list = new List<TendencyCertificate>();
        for (int a = 0; a < mdp.ActionCount(run.State); a++)
        {
            if (a == favoured || SameRow(mdp, run.State, a, favoured)) continue;
            var c = SymmetryFinder.KeepsOptionsOpen(mdp, run.State, favoured, a, budget);
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

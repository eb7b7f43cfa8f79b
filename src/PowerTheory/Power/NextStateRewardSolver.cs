using PowerTheory.Mdps;

namespace PowerTheory.Power;

/// <summary>The γ → 0 limit (THEORY.md §4.2 item 7): POWER(s,0) = E[max_a E_{s'~T(s,a)} r(s')]; an action is optimal in
/// the limit (first order) when it maximises the expected next-state reward.</summary>
internal sealed class NextStateRewardSolver(Mdp mdp) : ISampleSolver
{
    public void StartBlock() { }

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<double> stateScore, Span<double> actionScore)
    {
        var offsets = mdp.StateActionOffsets;
        var rows = mdp.TransitionOffsets;
        var succ = mdp.AllSuccessors;
        var prob = mdp.AllProbabilities;
        for (int s = 0; s < mdp.StateCount; s++)
        {
            double best = double.NegativeInfinity;
            for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
            {
                double e = 0;
                for (int k = rows[sa]; k < rows[sa + 1]; k++) e += prob[k] * r[succ[k]];
                actionScore[sa] = e;
                if (e > best) best = e;
            }
            stateScore[s] = best;
            value[s] = best;
        }
    }
}

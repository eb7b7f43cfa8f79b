using PowerTheory.Mdps;

namespace PowerTheory.Solvers;

/// <summary>
/// The γ → 0 limit (docs/theory.md §1.1 and §4.2 item 7). POWER(s,0) = E[max_a E_{s'~T(s,a)} r(s')]. The optimal actions
/// are those of Π*(R,0) = lim_{γ→0} Π*(R,γ): near γ = 0, V*_γ = Σ_k γᵏ·v_k with v_0 = r, and the optimal actions at s
/// maximise (T_a v_0, T_a v_1, …)(s) lexicographically, where v_{k+1}(s) is the largest T_a v_k(s) among the actions
/// still tied at s. Stage k keeps the actions within tol·max|r| of the stage's maximum; the stages stop once every state's
/// remaining actions have identical transition rows (they can never be split), and after |S| stages at most (the
/// coefficients of a fixed policy satisfy a linear recurrence of order |S|, so ties through |S| stages are ties for good).
/// Under a continuous law the first stage decides almost surely.
/// </summary>
internal sealed class DiscountZeroLimitSolver(Mdp mdp, double tolerance) : IRewardSolver
{
    private readonly int[] _rowClass = TransitionRowClasses.Of(mdp);
    private readonly double[] _v = new double[mdp.StateCount];
    private readonly double[] _next = new double[mdp.StateCount];

    public void Reset() { }

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal)
    {
        int n = mdp.StateCount;
        var offsets = mdp.StateActionOffsets;
        double maxAbs = 0;
        for (int s = 0; s < n; s++) maxAbs = Math.Max(maxAbs, Math.Abs(r[s]));
        double tol = tolerance * maxAbs;
        optimal[..mdp.StateActionCount].Fill(true);
        r[..n].CopyTo(_v);
        for (int stage = 0; stage < n; stage++)
        {
            bool undecided = false;
            for (int s = 0; s < n; s++)
            {
                double best = double.NegativeInfinity;
                for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
                    if (optimal[sa]) best = Math.Max(best, mdp.ExpectedValue(sa, _v));
                int cls = -1;
                for (int sa = offsets[s]; sa < offsets[s + 1]; sa++)
                {
                    if (!optimal[sa]) continue;
                    if (mdp.ExpectedValue(sa, _v) < best - tol)
                    {
                        optimal[sa] = false;
                        continue;
                    }
                    if (cls < 0) cls = _rowClass[sa];
                    else if (_rowClass[sa] != cls) undecided = true;
                }
                _next[s] = best;
                if (stage == 0) value[s] = best;
            }
            if (!undecided) break;
            _next.AsSpan().CopyTo(_v);
        }
    }
}

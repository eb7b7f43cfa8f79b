using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>
/// The γ → 1 limit per sample (docs/theory.md §1.1, §1.5): value[s] = g*(s), the optimal gain (so POWER(s,1) = E[g*(s)],
/// OPTSP Lemma E.49), and the Blackwell-optimal actions of Π*(R,1), both from <see cref="BlackwellPolicyIteration"/>.
/// Within a block each sample starts from the previous sample's Blackwell-optimal policy.
/// </summary>
internal sealed class BlackwellSampleSolver(Mdp mdp, double tolerance) : ISampleSolver
{
    private readonly BlackwellPolicyIteration _solver = new(mdp, tolerance);

    public void StartBlock() => _solver.Reset();

    public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal) => _solver.Solve(r, value, optimal);
}

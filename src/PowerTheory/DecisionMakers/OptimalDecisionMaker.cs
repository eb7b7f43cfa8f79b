using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// The optimal agent: π(a|s) = 1/|A*(s)| for a ∈ A*(s), the actions some optimal policy of Π*(R,γ) takes at s, from
/// <see cref="RewardBatchSolver"/> (exact Howard iteration for γ ∈ (0,1); the γ → 0 lexicographic and the Blackwell
/// (γ → 1) limits at the endpoints). Any γ ∈ [0,1].
/// </summary>
internal sealed class OptimalDecisionMaker : DecisionMaker
{
    public override string Name => "optimal";

    public override string Description => "optimal: uniform over the optimal actions of Π*(R,γ) at every state";

    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RewardBatchSolver.Create(context.Mdp, context.Gamma, context.TieTolerance); // validates γ and the tolerance
        return () => new Chooser(context);
    }

    internal sealed class Chooser(DecisionContext context) : PolicyChooser
    {
        private readonly RewardBatchSolver _solver = RewardBatchSolver.Create(context.Mdp, context.Gamma, context.TieTolerance);
        private readonly double[] _future = new double[context.Mdp.StateCount];
        private readonly bool[] _optimal = new bool[context.Mdp.StateActionCount];

        /// <summary>The optimal-action flags of the last call.</summary>
        public ReadOnlySpan<bool> OptimalActions => _optimal;

        /// <summary>W_r(s) of the last call (see <see cref="RewardBatchSolver"/>).</summary>
        public ReadOnlySpan<double> FutureValues => _future;

        public void Solve(ReadOnlySpan<double> rewards) => _solver.Solve(rewards, _future, _optimal);

        public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
        {
            Solve(rewards);
            PolicyRows.UniformOver(context.Mdp, _optimal, policy);
            return true;
        }
    }
}

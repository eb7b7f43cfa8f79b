using System.Globalization;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// ε-greedy around optimal play: π(a|s) = (1−ε)·π*(a|s) + ε/|A(s)|, with π* the optimal agent (uniform over the
/// optimal actions). Any γ ∈ [0,1]; ε ∈ [0,1] (ε = 0 is optimal, ε = 1 uniformly random).
/// </summary>
public sealed class EpsilonGreedyDecisionMaker : DecisionMaker
{
    /// <summary>Creates the rule.</summary>
    /// <param name="epsilon">ε ∈ [0,1].</param>
    /// <exception cref="ArgumentOutOfRangeException">ε outside [0,1].</exception>
    public EpsilonGreedyDecisionMaker(double epsilon)
    {
        if (!(epsilon >= 0 && epsilon <= 1))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"epsilon-greedy: eps must be in [0, 1]; got {epsilon}.");
        Epsilon = epsilon;
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string Name => "epsilon-greedy:eps=" + Epsilon.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string Description => $"ε-greedy: (1−ε)·optimal + ε·uniform with ε = {Epsilon.ToString("R", CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        var optimal = Optimal.Prepare(context);
        return () => new Chooser(context, (OptimalDecisionMaker.Chooser)optimal(), Epsilon);
    }

    private sealed class Chooser(DecisionContext context, OptimalDecisionMaker.Chooser optimal, double epsilon) : PolicyChooser
    {
        public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
        {
            optimal.Choose(rewards, random, policy);
            var mdp = context.Mdp;
            for (int s = 0; s < mdp.StateCount; s++)
            {
                int first = mdp.FirstStateAction(s), k = mdp.ActionCount(s);
                for (int a = 0; a < k; a++) policy[first + a] = (1 - epsilon) * policy[first + a] + epsilon / k;
            }
            return true;
        }
    }
}

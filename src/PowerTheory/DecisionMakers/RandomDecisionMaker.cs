namespace PowerTheory.DecisionMakers;

/// <summary>The uniformly random agent π(a|s) = 1/|A(s)|, whatever the reward. Any γ ∈ [0,1].</summary>
internal sealed class RandomDecisionMaker : DecisionMaker
{
    public override string Name => "random";

    public override string Description => "random: π(a|s) = 1/|A(s)|, ignoring the reward";

    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return () => new Chooser(context);
    }

    private sealed class Chooser(DecisionContext context) : PolicyChooser
    {
        public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
        {
            PolicyRows.Uniform(context.Mdp, policy);
            return true;
        }
    }
}

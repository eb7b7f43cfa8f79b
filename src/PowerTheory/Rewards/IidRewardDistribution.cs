namespace PowerTheory.Rewards;

/// <summary>D_X-IID = X^|S|: every state's reward is an independent draw of one law X, for an MDP of any size.</summary>
public sealed class IidRewardDistribution : RewardDistribution
{
    /// <summary>Creates X^|S| for the law <paramref name="law"/>.</summary>
    public IidRewardDistribution(ScalarDistribution law)
    {
        ArgumentNullException.ThrowIfNull(law);
        Law = law;
    }

    /// <summary>The common law X.</summary>
    public ScalarDistribution Law { get; }

    /// <inheritdoc />
    public override int? StateCount => null;

    /// <inheritdoc />
    public override string? UnboundedReason =>
        Law.IsBounded ? null : $"the IID law '{Law.Spec}' has unbounded support [{Law.Lower}, {Law.Upper}]";

    /// <inheritdoc />
    public override bool IsContinuous => Law.IsContinuous;

    /// <inheritdoc />
    public override string Spec => Law.Spec;

    /// <inheritdoc />
    public override void Sample(Random random, Span<double> rewards)
    {
        for (int s = 0; s < rewards.Length; s++) rewards[s] = Law.Sample(random);
    }

    /// <inheritdoc />
    public override double? MeanOf(int state) => Law.Mean;

    internal override (ScalarDistribution Law, int DrawnFrom)? Coordinate(int state) => (Law, state);
}

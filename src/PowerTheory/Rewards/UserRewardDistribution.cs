using System.Globalization;

namespace PowerTheory.Rewards;

/// <summary>A reward distribution given by a user <see cref="RewardSampler"/> with declared bounds (see
/// <see cref="RewardDistribution.FromSampler"/>).</summary>
internal sealed class UserRewardDistribution(int stateCount, RewardSampler sampler, double lower, double upper,
    string description, bool isContinuous) : RewardDistribution
{
    public override int? StateCount => stateCount;

    public override string? UnboundedReason =>
        double.IsFinite(lower) && double.IsFinite(upper) ? null
            : $"the user sampler '{description}' declares unbounded support [{lower.ToString(CultureInfo.InvariantCulture)}, {upper.ToString(CultureInfo.InvariantCulture)}]";

    public override bool IsContinuous => isContinuous;

    public override string Spec => description;

    public override void Sample(Random random, Span<double> rewards)
    {
        sampler(random, rewards);
        for (int s = 0; s < rewards.Length; s++)
        {
            double x = rewards[s];
            if (double.IsNaN(x) || x < lower || x > upper)
                throw new InvalidOperationException(
                    $"the user sampler '{description}' returned {x.ToString("R", CultureInfo.InvariantCulture)} for state {s}, " +
                    $"outside its declared support [{lower.ToString(CultureInfo.InvariantCulture)}, {upper.ToString(CultureInfo.InvariantCulture)}].");
        }
    }

    public override double? MeanOf(int state) => null;
}

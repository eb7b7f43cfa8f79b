using PowerTheory.Rewards;

namespace PowerTheory.Symmetry;

/// <summary>
/// φ·D, the pushforward of a reward distribution D under r ↦ P_φ·r (docs/theory.md §1.2, §1.6): a draw samples r ~ D
/// and returns P_φ·r, so the reward D gave state x now sits at φ(x).
/// </summary>
/// <remarks>Bounded support and tie-freeness (<see cref="RewardDistribution.IsContinuous"/>) are preserved by a
/// permutation of coordinates, so they are inherited from D; E[(φ·R)(x)] = E[R(φ⁻¹(x))].</remarks>
public sealed class PermutedRewardDistribution : RewardDistribution
{
    private readonly Permutation _inverse;

    /// <summary>φ·D.</summary>
    /// <exception cref="ArgumentException">D is for a different number of states than φ acts on.</exception>
    public PermutedRewardDistribution(Permutation phi, RewardDistribution baseDistribution)
    {
        ArgumentNullException.ThrowIfNull(phi);
        ArgumentNullException.ThrowIfNull(baseDistribution);
        if (baseDistribution.StateCount is { } n && n != phi.Size)
            throw new ArgumentException(
                $"the reward distribution '{baseDistribution.Spec}' is for {n} states but φ acts on {phi.Size}.", nameof(baseDistribution));
        Permutation = phi;
        Base = baseDistribution;
        _inverse = phi.Inverse();
    }

    /// <summary>φ.</summary>
    public Permutation Permutation { get; }

    /// <summary>D.</summary>
    public RewardDistribution Base { get; }

    /// <inheritdoc />
    public override int? StateCount => Permutation.Size;

    /// <inheritdoc />
    public override string? UnboundedReason => Base.UnboundedReason;

    /// <inheritdoc />
    public override bool IsContinuous => Base.IsContinuous;

    /// <inheritdoc />
    public override string Spec => $"{Permutation}·({Base.Spec})";

    /// <inheritdoc />
    public override void Sample(Random random, Span<double> rewards)
    {
        if (rewards.Length != Permutation.Size)
            throw new ArgumentException($"rewards has length {rewards.Length} but φ acts on {Permutation.Size} states.", nameof(rewards));
        Span<double> draw = rewards.Length <= 256 ? stackalloc double[rewards.Length] : new double[rewards.Length];
        Base.Sample(random, draw);
        for (int x = 0; x < draw.Length; x++) rewards[Permutation[x]] = draw[x];
    }

    /// <inheritdoc />
    public override double? MeanOf(int state) => Base.MeanOf(_inverse[state]);
}

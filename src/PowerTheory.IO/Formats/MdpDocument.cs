using System.Globalization;
using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// What an MDP file holds: the model itself (<see cref="Mdps.Mdp"/>, which is only ⟨S, A, T⟩ with names and labels) and
/// the problem settings stored beside it — a default discount, a default reward vector and a reward-distribution spec.
/// Readers return a document; the solvers take the model and the settings separately.
/// </summary>
public sealed record MdpDocument
{
    private readonly double[]? _rewards;

    /// <summary>Creates a document, checking the settings against the model.</summary>
    /// <exception cref="MdpValidationException">γ outside [0,1] (field <c>gamma</c>), or a reward vector of the wrong
    /// length or with a non-finite entry (field <c>rewards.&lt;state&gt;</c>).</exception>
    public MdpDocument(Mdp mdp, double? gamma = null, IReadOnlyList<double>? rewards = null, string? rewardSpec = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        if (gamma is { } g && (double.IsNaN(g) || g < 0 || g > 1))
            throw new MdpValidationException("gamma", $"gamma must be in [0, 1]; got {g.ToString("R", CultureInfo.InvariantCulture)}.");
        if (rewards is not null)
        {
            if (rewards.Count != mdp.StateCount)
                throw new MdpValidationException("rewards", $"rewards must have one entry per state ({mdp.StateCount}); got {rewards.Count}.");
            for (int s = 0; s < rewards.Count; s++)
                if (!double.IsFinite(rewards[s]))
                    throw new MdpValidationException($"rewards.{mdp.StateNames[s]}",
                        $"reward of state '{mdp.StateNames[s]}' must be finite; got {rewards[s].ToString("R", CultureInfo.InvariantCulture)}.");
        }
        Mdp = mdp;
        Gamma = gamma;
        _rewards = rewards?.ToArray();
        RewardSpec = rewardSpec;
    }

    /// <summary>The model.</summary>
    public Mdp Mdp { get; }

    /// <summary>The default discount γ ∈ [0,1] (the file's <c>gamma</c> field), if any.</summary>
    public double? Gamma { get; }

    /// <summary>The default reward vector, one entry per state (the file's <c>rewards</c> field), if any.</summary>
    public IReadOnlyList<double>? Rewards => _rewards is null ? null : Array.AsReadOnly(_rewards);

    /// <summary>The reward-distribution spec such as <c>uniform(0,1)</c> (the file's <c>reward</c> field), if any.</summary>
    public string? RewardSpec { get; }

    /// <inheritdoc />
    public bool Equals(MdpDocument? other) =>
        other is not null && Mdp.Equals(other.Mdp) && Nullable.Equals(Gamma, other.Gamma) && RewardSpec == other.RewardSpec
        && (_rewards is null ? other._rewards is null : other._rewards is not null && _rewards.AsSpan().SequenceEqual(other._rewards));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mdp, Gamma, RewardSpec);
}

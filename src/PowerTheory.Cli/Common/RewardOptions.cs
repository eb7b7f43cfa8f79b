using PowerTheory.Mdps;
using PowerTheory.Rewards;

namespace PowerTheory.Cli.Common;

/// <summary>Builds the reward distribution from <c>--reward</c>, <c>--reward-state</c> and <c>--tie</c>, checking each
/// piece on its own first so that an error names the option that holds the mistake.</summary>
public static class RewardOptions
{
    /// <summary>Builds the distribution.</summary>
    /// <param name="mdp">The model.</param>
    /// <param name="law">The <c>--reward</c> value, or null.</param>
    /// <param name="fileLaw">The MDP file's <c>reward</c> field, used when <paramref name="law"/> is null.</param>
    /// <param name="stateOverrides">The <c>--reward-state</c> values (<c>STATE=LAW</c>).</param>
    /// <param name="ties">The <c>--tie</c> values (<c>s1,s2,…</c>).</param>
    public static RewardDistribution Build(Mdp mdp, string? law, string? fileLaw, string[]? stateOverrides, string[]? ties)
    {
        var baseLaw = law ?? fileLaw;
        Check(() => RewardSpecParser.Build(mdp, baseLaw), law is null && fileLaw is not null ? "the file's 'reward' field" : "--reward");
        foreach (var item in stateOverrides ?? [])
        {
            if (!item.Contains('=', StringComparison.Ordinal))
                throw new CliUsageException($"--reward-state must be STATE=LAW, e.g. s0=uniform(-1,1); got '{item}'.");
            Check(() => RewardSpecParser.Build(mdp, baseLaw, [item]), $"--reward-state '{item}'");
        }
        foreach (var item in ties ?? [])
            Check(() => RewardSpecParser.Build(mdp, baseLaw, null, [item]), $"--tie '{item}'");
        return Check(() => RewardSpecParser.Build(mdp, baseLaw, stateOverrides, ties), "--reward-state/--tie");
    }

    private static RewardDistribution Check(Func<RewardDistribution> build, string option)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliUsageException($"{option}: {ErrorText.OneLine(e.Message)}");
        }
    }
}

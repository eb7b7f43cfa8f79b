using System.CommandLine;
using PowerTheory.Mdps;
using PowerTheory.Rewards;

namespace PowerTheory.Cli.Common;

/// <summary>The reward options every sampling command shares — <c>--reward</c>, <c>--reward-state</c>, <c>--tie</c> —
/// defined once, and the one reading that builds the distribution, checking each piece on its own first so that an
/// error names the option that holds the mistake.</summary>
public sealed class RewardOptions
{
    /// <summary><c>--reward</c>: the law, IID over states (default: the MDP file's <c>reward</c>, else uniform(0,1)).</summary>
    public Option<string> Law { get; } = new("--reward")
    {
        Description = $"Reward law, IID over states: {RewardDistribution.LawSignatures}; or keyed, e.g. beta:a=2,b=5. Default: the MDP file's 'reward', else uniform(0,1).",
        HelpName = "SPEC",
    };

    /// <summary><c>--reward-state</c>: a per-state override, repeatable.</summary>
    public Option<string[]> StateOverrides { get; } = new("--reward-state")
    {
        Description = "Per-state override STATE=LAW, e.g. s0=uniform(-1,1); repeatable.",
        HelpName = "s=LAW",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary><c>--tie</c>: states that share one draw, repeatable.</summary>
    public Option<string[]> Ties { get; } = new("--tie")
    {
        Description = "States that share one reward draw, e.g. s1,s2; repeatable.",
        HelpName = "s1,s2",
    };

    /// <summary>The three options, to add to a command.</summary>
    public IEnumerable<Option> All => [Law, StateOverrides, Ties];

    /// <summary>Builds the distribution from the parsed options and the file's law.</summary>
    public RewardDistribution Build(ParseResult parseResult, Mdp mdp, string? fileLaw) =>
        Build(mdp, parseResult.GetValue(Law), fileLaw, parseResult.GetValue(StateOverrides), parseResult.GetValue(Ties));

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

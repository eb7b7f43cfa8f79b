using System.CommandLine;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Cli.Common;

/// <summary>The time-to-accuracy options of the Monte Carlo commands: <c>--target-se</c>, <c>--target-ci</c>,
/// <c>--target-actions</c>, <c>--sampler</c> and <c>--control-variates</c> (docs/power.md, "Estimators").</summary>
public sealed class AccuracyOptions
{
    /// <summary>The sample cap of a target run when <c>--samples</c> is not given.</summary>
    public const int DefaultTargetCap = 1_000_000;

    public AccuracyOptions()
    {
        TargetSe.Real(0, 1e300, minExclusive: true);
        TargetCi.Real(0, 1e300, minExclusive: true);
    }

    /// <summary><c>--target-se X</c>.</summary>
    public Option<double?> TargetSe { get; } = new("--target-se")
    {
        Description = $"Sample in stages until every POWER (and comparison, event) has standard error ≤ X; --samples is the cap (default {DefaultTargetCap:N0} here). Defaults the estimator to Sobol + control variates.",
        HelpName = "X",
    };

    /// <summary><c>--target-ci W</c>.</summary>
    public Option<double?> TargetCi { get; } = new("--target-ci")
    {
        Description = "Like --target-se, for the half-width of the 95% interval.",
        HelpName = "W",
    };

    /// <summary><c>--target-actions</c>.</summary>
    public Option<bool> TargetActions { get; } = new("--target-actions")
    {
        Description = "Hold every action's optimality probability to the target too (needs up to 0.25/X² samples).",
    };

    /// <summary><c>--sampler independent|sobol</c>.</summary>
    public Option<string?> Sampler { get; } = new("--sampler")
    {
        Description = "How rewards are drawn: 'independent' streams or 'sobol' (scrambled Sobol points through each law's quantile function; SE from ≥ 16 independent scrambles). Default: sobol for --target-se/--target-ci runs, independent otherwise.",
        HelpName = "independent|sobol",
    };

    /// <summary><c>--control-variates on|off</c>.</summary>
    public Option<string?> ControlVariates { get; } = new("--control-variates")
    {
        Description = "Regression-adjust POWER by covariates of exactly known mean (best discounted reachable reward, own reward), cross-fitted: 'on' or 'off'. Default: on for target runs, off otherwise.",
        HelpName = "on|off",
    };

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [TargetSe, TargetCi, TargetActions, Sampler, ControlVariates];

    /// <summary>Reads the values; <paramref name="samplesGiven"/> says whether <c>--samples</c> was given.</summary>
    /// <exception cref="CliUsageException">Both targets, or a sampler or switch not in its list; the message names the option.</exception>
    public (double? Se, double? Ci, bool Actions, SamplingMethod? Sampler, bool? Covariates) Read(ParseResult parseResult)
    {
        var se = parseResult.GetValue(TargetSe);
        var ci = parseResult.GetValue(TargetCi);
        if (se is not null && ci is not null) throw new CliUsageException("give --target-se or --target-ci, not both.");
        SamplingMethod? sampler = parseResult.GetValue(Sampler)?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "independent" => SamplingMethod.Independent,
            "sobol" => SamplingMethod.ScrambledSobol,
            var other => throw new CliUsageException($"--sampler must be 'independent' or 'sobol'; got '{other}'."),
        };
        bool? covariates = parseResult.GetValue(ControlVariates)?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "on" => true,
            "off" => false,
            var other => throw new CliUsageException($"--control-variates must be 'on' or 'off'; got '{other}'."),
        };
        bool actions = parseResult.GetValue(TargetActions);
        if (actions && se is null && ci is null) throw new CliUsageException("--target-actions needs --target-se or --target-ci.");
        return (se, ci, actions, sampler, covariates);
    }

    /// <summary>The samples to use: the cap <see cref="DefaultTargetCap"/> for a target run without <c>--samples</c>.</summary>
    public static int Samples(ParseResult parseResult, Option<int> samples, int given, bool target) =>
        target && parseResult.GetResult(samples) is not { Implicit: false } ? DefaultTargetCap : given;
}

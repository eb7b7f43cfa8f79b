using System.CommandLine;
using System.Globalization;
using PowerTheory.Cli.Common;
using PowerTheory.Power;
using PowerTheory.Rewards;
using Spectre.Console;
using PowerTheory.IO.Json;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory power MDP --gamma G[,G2,...] [--samples N] [--seed K] [--reward SPEC] [--reward-state s=LAW]
/// [--tie s1,s2] [--threads T] [--format F]</c>: Monte Carlo POWER of every state,
/// POWER_D(s,γ) = (1−γ)/γ·E_R[V*_R(s,γ) − R(s)] (γ = 0 and γ = 1 by their limit formulas), and the optimality
/// probability of every action, each with its standard error.
/// </summary>
public static class PowerCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var mdpArgument = new Argument<string>("MDP") { Description = MdpSource.ArgumentDescription };
        var gamma = DiscountOption.List("--gamma", "-g", "Discount(s) in [0, 1], comma-separated (0 and 1 are the limits). Defaults to the MDP file's 'gamma'.");
        var sampling = new SamplingOptions();
        var (samples, seed, threads, noProgress) = (sampling.Samples, sampling.Seed, sampling.Threads, sampling.NoProgress);
        var rewards = new RewardOptions();
        var fastPath = new Option<bool>("--nd-fast-path")
        {
            Description = "Precompute F_nd(s) (RSD_nd(s) at γ = 1) for every state and take V* = max f·r per sample; same numbers, faster when the sets are small.",
        };
        var accuracy = new AccuracyOptions();
        var format = OutputFormatOption.Create();
        var command = new Command("power", "Monte Carlo POWER of every state and optimality probability of every action.")
        {
            mdpArgument, gamma, samples, seed, rewards.Law, rewards.StateOverrides, rewards.Ties, threads, sampling.Seconds, fastPath, noProgress, format,
        };
        foreach (var option in accuracy.All) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            var (n, seedValue, t) = sampling.Read(parseResult);
            var (targetSe, targetCi, targetActions, sampler, covariates) = accuracy.Read(parseResult);
            n = AccuracyOptions.Samples(parseResult, samples, n, targetSe is not null || targetCi is not null);
            var loaded = MdpSource.Load(parseResult.GetValue(mdpArgument), context);
            var mdp = loaded.Mdp;
            var gammas = DiscountOption.Resolve(parseResult.GetValue(gamma), loaded.Document.Gamma);
            var distribution = rewards.Build(parseResult, mdp, loaded.Document.RewardSpec);
            bool showProgress = !parseResult.GetValue(noProgress) && ReferenceEquals(context.Error, Console.Error)
                && !Console.IsErrorRedirected;
            var options = new PowerOptions
            {
                Samples = n,
                Seed = seedValue,
                Threads = t,
                TimeLimit = sampling.TimeLimit(parseResult),
                UseNonDominatedSets = parseResult.GetValue(fastPath),
                Progress = showProgress ? new ProgressBar(context.Error) : null,
                TargetStandardError = targetSe,
                TargetCi95HalfWidth = targetCi,
                TargetIncludesActions = targetActions,
                Sampler = sampler,
                ControlVariates = covariates,
            };
            var result = new PowerEstimator(mdp, distribution).Estimate(gammas, options);
            if (showProgress) context.Error.Write("\r" + new string(' ', ProgressBar.Width) + "\r");
            if (result.StoppedAtTimeLimit)
                context.Diagnostic(SamplingOptions.StoppedWarning(options.TimeLimit!.Value, result.Samples, result.SamplesRequested, result.BlockSize));
            DegradationOutput.Warn(context, result.Degradations);
            AccuracyOutput.Warn(context, result);
            CertificationOutput.Warn(context, result);
            switch (outputFormat)
            {
                case OutputFormat.Json:
                    JsonOutput.Write(context.Out, w => PowerResultJson.Write(w, result), indented: false);
                    break;
                case OutputFormat.Csv:
                    WriteCsv(context, result);
                    break;
                default:
                    WriteText(context, loaded, result);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(CliContext context, MdpSource.Loaded loaded, PowerResult result)
    {
        var mdp = result.Mdp;
        context.Out.WriteLine(
            $"POWER of {ValidateCommand.Describe(loaded)} under {result.RewardSpec}, {result.Samples} samples, seed {result.Seed}");
        AccuracyOutput.WriteText(context, result);
        foreach (var at in result.ByGamma)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"gamma = {Numbers.RoundTrip(at.Gamma)}");
            new RowTable().Column("state").Column("POWER", rightAligned: true).Column("± stderr", rightAligned: true)
                .Column("95% interval", rightAligned: true).Column("P(action optimal)")
                .Write(context, mdp.StateCount, s =>
                {
                    var p = at.Power(s);
                    return
                    [
                        mdp.StateNames[s],
                        Numbers.Significant(p.Mean, 5),
                        Numbers.Significant(p.StandardError, 2),
                        $"[{Numbers.Significant(p.Ci95Lower, 4)}, {Numbers.Significant(p.Ci95Upper, 4)}]",
                        string.Join(", ", Enumerable.Range(0, mdp.ActionCount(s)).Select(a =>
                            $"{mdp.ActionName(s, a)} {at.OptimalityProbability(s, a).Mean.ToString("F3", CultureInfo.InvariantCulture)}")),
                    ];
                });
        }
    }

    private static void WriteCsv(CliContext context, PowerResult result)
    {
        var mdp = result.Mdp;
        CsvOutput.WriteRow(context.Out, "gamma", "state", "power", "stderr", "ci95_low", "ci95_high");
        foreach (var at in result.ByGamma)
        {
            for (int s = 0; s < mdp.StateCount; s++)
            {
                var p = at.Power(s);
                CsvOutput.WriteRow(context.Out, Numbers.RoundTrip(at.Gamma), mdp.StateNames[s], Numbers.RoundTrip(p.Mean),
                    Numbers.RoundTrip(p.StandardError), Numbers.RoundTrip(p.Ci95Lower), Numbers.RoundTrip(p.Ci95Upper));
            }
        }
    }
}

using System.CommandLine;
using System.Globalization;
using PowerTheory.Cli.Common;
using PowerTheory.Mdps;
using PowerTheory.IO.Json;
using PowerTheory.Solvers;
using Spectre.Console;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory values MDP --gamma G (--rewards FILE | --reward-vector s=v,...) [--method M] [--format F]</c>:
/// optimal values V*(s) = r(s) + γ·max_a Σ_s' T(s'|s,a)·V*(s'), the optimal action(s) and an optimal policy.
/// </summary>
public static class ValuesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var mdpArgument = new Argument<string>("MDP") { Description = MdpSource.ArgumentDescription };
        var gamma = DiscountOption.Single("--gamma", "-g", "Discount γ in [0, 1). Defaults to the MDP file's 'gamma' field.");
        var rewardsFile = new Option<string>("--rewards")
        {
            Description = "A JSON file {state: value} giving the reward of every state ('*' sets the rest).",
            HelpName = "FILE",
        };
        var rewardVector = new Option<string>("--reward-vector", "-r")
        {
            Description = "The reward of every state, e.g. s0=1,s1=-0.5 ('*=0' sets the rest). " +
                          "Without this or --rewards, the MDP file's 'rewards' field is used.",
            HelpName = "s=v,...",
        };
        var method = new Option<string>("--method", "-m")
        {
            Description = $"Solver: {string.Join(" or ", SolverMethod.Names)}.",
            HelpName = string.Join("|", SolverMethod.Names),
            DefaultValueFactory = _ => SolverMethod.PolicyIteration,
        };
        method.CompletionSources.Add(SolverMethod.Names.ToArray());
        var accuracy = new Option<string>("--accuracy")
        {
            Description = "Guaranteed bound on |V - V*| for value iteration (default 1e-10).",
            HelpName = "EPS",
        };
        var seconds = new Option<double?>("--seconds")
        {
            Description = "Wall-time limit of the solve in seconds (default: none); a solve that does not finish in it is stopped and nothing is printed.",
            HelpName = "S",
        }.Real(0, BudgetOptions.MaxSeconds, minExclusive: true, unit: "seconds");
        var format = OutputFormatOption.Create();
        var command = new Command("values", "Optimal values V*, optimal actions and an optimal policy for a reward vector.")
        {
            mdpArgument, gamma, rewardsFile, rewardVector, method, accuracy, seconds, format,
        };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            var methodName = SolverMethod.Parse(parseResult.GetValue(method));
            double eps = ParseAccuracy(parseResult.GetValue(accuracy));
            if (parseResult.GetValue(accuracy) is not null && methodName != SolverMethod.ValueIteration)
                context.Diagnostic($"note: --accuracy applies to value-iteration only; {methodName} is exact and ignores it.");
            var loaded = MdpSource.Load(parseResult.GetValue(mdpArgument), context);
            var mdp = loaded.Mdp;
            double g = DiscountParser.ParseDiscounted(parseResult.GetValue(gamma), loaded.Document.Gamma);
            var r = RewardVectorParser.Resolve(loaded.Document, parseResult.GetValue(rewardVector), parseResult.GetValue(rewardsFile));
            var result = SolveWithin(parseResult.GetValue(seconds), () => SolverMethod.Solve(methodName, mdp, r, g, eps));
            DegradationOutput.Warn(context, result.Degradations);
            switch (outputFormat)
            {
                case OutputFormat.Text: WriteText(context, loaded, result); break;
                case OutputFormat.Json: WriteJson(context, result); break;
                case OutputFormat.Csv: WriteCsv(context, result); break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static OptimalValues SolveWithin(double? seconds, Func<OptimalValues> solve)
    {
        if (seconds is not { } s) return solve();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(s));
        using var scope = PowerTheory.Solvers.SolveCancellation.Begin(limit.Token);
        try
        {
            return solve();
        }
        catch (OperationCanceledException)
        {
            throw new CliDomainException(FormattableString.Invariant(
                $"the solve did not finish within --seconds {s:G4}; nothing was printed (raise --seconds, or use a smaller model)."));
        }
    }

    private static double ParseAccuracy(string? text)
    {
        if (text is null) return 1e-10;
        if (!Numbers.TryParseFinite(text, out var eps) || !(eps > 0))
            throw new CliUsageException($"--accuracy must be a positive number; got '{text}'.");
        return eps;
    }

    private static IEnumerable<string> OptimalActionNames(OptimalValues result, int s) =>
        result.OptimalActions(s).Select(a => result.Mdp.ActionName(s, a));

    private static string PolicyAction(OptimalValues result, int s) => result.Mdp.ActionName(s, result.Policy[s]);

    private static void WriteText(CliContext context, MdpSource.Loaded loaded, OptimalValues result)
    {
        var mdp = result.Mdp;
        context.Out.WriteLine(
            $"V* of {ValidateCommand.Describe(loaded)} at gamma = {Numbers.RoundTrip(result.Gamma)} " +
            $"by {result.Method.Name()} (error bound {result.ErrorBound.ToString("G3", CultureInfo.InvariantCulture)})");
        new RowTable().Column("state").Column("reward", rightAligned: true).Column("V*", rightAligned: true).Column("optimal action(s)")
            .Write(context, mdp.StateCount, s =>
            [
                mdp.StateNames[s],
                Numbers.Human(result.Rewards[s]),
                Numbers.Human(result[s]),
                string.Join(", ", OptimalActionNames(result, s)),
            ]);
    }

    private static void WriteJson(CliContext context, OptimalValues result) =>
        JsonOutput.Write(context.Out, w => OptimalValuesJson.Write(w, result));

    private static void WriteCsv(CliContext context, OptimalValues result)
    {
        var mdp = result.Mdp;
        CsvOutput.WriteRow(context.Out, "state", "value", "action");
        for (int s = 0; s < mdp.StateCount; s++)
            CsvOutput.WriteRow(context.Out, mdp.StateNames[s], Numbers.RoundTrip(result[s]), PolicyAction(result, s));
    }
}

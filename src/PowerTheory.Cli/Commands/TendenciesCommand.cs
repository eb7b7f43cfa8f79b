using System.CommandLine;
using System.Globalization;
using PowerTheory.Cli.Common;
using PowerTheory.DecisionMakers;
using PowerTheory.Rewards;
using PowerTheory.IO.Json;
using Spectre.Console;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory tendencies MDP --state S --gamma G --decision optimal,boltzmann:T=0.1,… [--avoid T1,T2] [--samples N]
/// [--seed K] [--threads T] [--reward SPEC] [--reward-state s=LAW] [--tie s1,s2] [--format text|json]</c>: for each decision-maker (docs/beyond-optimality.md)
/// the probability of each action at S and of avoiding the listed states, POWER^pol(S), each with its standard error,
/// beside the optimal and random agents, the theorem's bound where a symmetry certificate exists, and a one-line verdict.
/// </summary>
public static class TendenciesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var mdpArgument = new Argument<string>("MDP") { Description = MdpSource.ArgumentDescription };
        var state = new Option<string>("--state") { Description = "The state whose tendencies to measure (and the learners' start state).", Required = true, HelpName = "S" };
        var gamma = DiscountOption.List("--gamma", "-g", "Discount in [0, 1] (decision-makers may need (0, 1)). Defaults to the MDP file's 'gamma'.", "G");
        var decision = new Option<IReadOnlyList<DecisionMaker>>("--decision", "-d")
        {
            Description = $"Decision-makers, comma-separated: {DecisionMakerSpec.Examples} (extra KEY=VALUE after ':'). Default: optimal,random.",
            HelpName = "LIST",
        }.ParsedWith(DecisionMakerSpec.ParseList);
        var avoid = new Option<string>("--avoid") { Description = "States to avoid, comma-separated: also measure P(the long-run distribution puts no mass on them).", HelpName = "T1,T2" };
        var rewards = new RewardOptions();
        var alpha = new Option<double?>("--alpha")
        {
            Description = "Family-wise error rate of the verdicts (default 0.05): the chance that any verdict of the run rests on noise (Bonferroni over the run's comparisons).",
            HelpName = "A",
        }.Real(0, 0.5, minExclusive: true);
        var sampling = new SamplingOptions();
        var (samples, seed, threads, noProgress) = (sampling.Samples, sampling.Seed, sampling.Threads, sampling.NoProgress);
        var format = OutputFormatOption.Create();
        var command = new Command("tendencies", "Power-seeking tendencies and POWER^pol of non-optimal decision-makers (Boltzmann, myopic, satisficing, AUP, trained).")
        {
            mdpArgument, state, gamma, decision, avoid, samples, seed, threads, sampling.Seconds, rewards.Law, rewards.StateOverrides, rewards.Ties, alpha, noProgress, format,
        };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            if (outputFormat == OutputFormat.Csv) throw new CliUsageException("--format for tendencies must be text or json; got 'csv'.");
            var (n, seedValue, t) = sampling.Read(parseResult);
            var loaded = MdpSource.Load(parseResult.GetValue(mdpArgument), context);
            var mdp = loaded.Mdp;
            var gammas = DiscountOption.Resolve(parseResult.GetValue(gamma), loaded.Document.Gamma);
            if (gammas.Count != 1) throw new CliUsageException($"--gamma takes one discount for tendencies; got {gammas.Count}.");
            string stateName = parseResult.GetValue(state)!;
            if (!mdp.TryGetStateIndex(stateName, out int s)) throw new CliUsageException($"--state: unknown state '{stateName}'.");
            var makers = parseResult.GetValue(decision) ?? DecisionMakerSpec.ParseList("optimal,random");
            var avoided = new List<int>();
            if (parseResult.GetValue(avoid) is { } list)
                foreach (var name in list.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (!mdp.TryGetStateIndex(name, out int x)) throw new CliUsageException($"--avoid: unknown state '{name}'.");
                    if (avoided.Contains(x)) throw new CliUsageException($"--avoid: state '{name}' is listed twice.");
                    avoided.Add(x);
                }
            var distribution = rewards.Build(parseResult, mdp, loaded.Document.RewardSpec);
            var bar = ProgressBar.Wanted(context, parseResult.GetValue(noProgress)) ? new ProgressBar(context.Error, "tendencies") : null;
            var options = new TendencyOptions
            {
                Samples = n, Seed = seedValue, Threads = t, Avoid = avoided, Progress = bar, TimeLimit = sampling.TimeLimit(parseResult),
                FamilyWiseErrorRate = parseResult.GetValue(alpha) ?? TendencySignificance.DefaultFamilyWiseErrorRate,
            };
            var result = new TendencyEstimator(mdp, distribution).Estimate(makers, gammas[0], s, options);
            bar?.Clear();
            if (result.StoppedAtTimeLimit)
                context.Diagnostic(SamplingOptions.StoppedWarning(options.TimeLimit!.Value, result.Samples, result.SamplesRequested,
                    PowerTheory.Power.PowerOptions.AutomaticBlockSize(n)));
            DegradationOutput.Warn(context, result.Degradations);
            foreach (var m in result.DecisionMakers.Where(m => m.Approximations > 0))
                context.Error.WriteLine($"warning: {m.Name}: {m.Approximations} of {result.Samples} samples approximated ({m.ApproximationNote}).");
            if (outputFormat == OutputFormat.Json) JsonOutput.Write(context.Out, w => TendenciesJson.Write(w, result), indented: false);
            else WriteText(context, loaded, result);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The verdict as printed in the table: "holds", "weakens", "reverses", "no prediction", "not distinguishable".</summary>
    internal static string VerdictWord(TendencyVerdict verdict) => verdict switch
    {
        TendencyVerdict.NoPrediction => "no prediction",
        TendencyVerdict.NotDistinguishable => "not distinguishable",
        var v => v.ToString().ToLowerInvariant(),
    };

    private static string F(double x) => x.ToString("F3", CultureInfo.InvariantCulture);

    private static void WriteText(CliContext context, MdpSource.Loaded loaded, TendencyResult result)
    {
        string state = result.StateNames[result.State];
        context.Out.WriteLine($"Tendencies at {state} of {ValidateCommand.Describe(loaded)}, gamma = {Numbers.RoundTrip(result.Gamma)}, "
            + $"{result.Rewards}, {result.Samples} samples, seed {result.Seed}");
        context.Out.WriteLine($"The verdicts are about {result.Tendency}.");
        var table = new Table { Border = TableBorder.Simple };
        table.AddColumn("decision-maker");
        foreach (var a in result.ActionNames) table.AddColumn(new TableColumn("P(" + Markup.Escape(a) + ")").RightAligned());
        if (result.Avoid.Count > 0) table.AddColumn(new TableColumn("P(avoid)").RightAligned());
        bool power = result.Optimal.Power is not null;
        if (power) table.AddColumn(new TableColumn($"POWER^pol({Markup.Escape(state)})").RightAligned());
        table.AddColumn("verdict");
        var rows = new List<(DecisionMakerTendency T, string Label)> { (result.Optimal, "optimal (reference)"), (result.Random, "random (baseline)") };
        rows.AddRange(result.DecisionMakers.Where(m => m.Name is not "optimal" and not "random").Select(m => (m, m.Name)));
        foreach (var (t, label) in rows)
        {
            var cells = new List<string> { Markup.Escape(label) };
            cells.AddRange(t.ActionProbabilities.Select(p => $"{F(p.Mean)} ± {F(p.StandardError)}"));
            if (t.Avoid is { } av) cells.Add($"{F(av.Mean)} ± {F(av.StandardError)}");
            if (power) cells.Add($"{F(t.Power![result.State].Mean)} ± {F(t.Power[result.State].StandardError)}");
            cells.Add(VerdictWord(t.Verdict));
            table.AddRow(cells.ToArray());
        }
        context.Write(table);
        foreach (var (t, label) in rows) context.Out.WriteLine($"{label}: {t.VerdictText}");
        foreach (var c in result.Certificates)
            context.Out.WriteLine(c.Bound is { } b
                ? $"Theorem ({c.Theorem}): n = {c.N}, so at least {F(b)} of every reward orbit makes avoiding average-optimal (a γ → 1 statement)."
                : $"Theorem ({c.Theorem}): {c.Statement} — {c.Summary}");
    }
}

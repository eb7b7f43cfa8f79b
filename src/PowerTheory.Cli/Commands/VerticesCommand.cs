using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PowerTheory.Cli.Common;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.Serialization;
using Spectre.Console;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory vertices MDP (--state S | --all-states) [--gamma G | --average] [--format F]</c>: the non-dominated
/// visit distributions F_nd(s) = ND(F(s)) at γ (the vertices of the state-marginal occupancy polytope), or the
/// non-dominated recurrent state distributions RSD_nd(s) with <c>--average</c>, each with its policy.
/// </summary>
public static class VerticesCommand
{
    /// <summary>The γ used when neither <c>--gamma</c> nor the file gives one (non-domination does not depend on γ).</summary>
    public const double DefaultGamma = 0.37;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var mdpArgument = new Argument<string>("MDP") { Description = MdpSource.ArgumentDescription };
        var state = new Option<string>("--state") { Description = "The start state s.", HelpName = "S" };
        var allStates = new Option<bool>("--all-states") { Description = "Report every state (a JSON array)." };
        var gamma = new Option<string>("--gamma", "-g")
        {
            Description = $"γ in (0, 1) for the visit vectors (default: the file's gamma, else {DefaultGamma}; the set F_nd(s) itself does not depend on γ).",
            HelpName = "G",
        };
        var average = new Option<bool>("--average") { Description = "Recurrent state distributions (γ → 1): RSD(s) and RSD_nd(s)." };
        var format = OutputFormatOption.Create();
        var command = new Command("vertices", "Non-dominated visit distributions F_nd(s) (or RSD_nd(s) with --average), with policies.")
        {
            mdpArgument, state, allStates, gamma, average, format,
        };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            string? stateName = parseResult.GetValue(state);
            bool all = parseResult.GetValue(allStates);
            if (stateName is null == !all)
                throw new CliUsageException("give exactly one of --state S and --all-states.");
            bool avg = parseResult.GetValue(average);
            string? gammaText = parseResult.GetValue(gamma);
            if (avg && gammaText is not null) throw new CliUsageException("give --gamma or --average, not both.");
            var loaded = MdpSource.Load(parseResult.GetValue(mdpArgument));
            var mdp = loaded.Mdp;
            double g = DefaultGamma;
            string? gammaSource = null;
            if (!avg)
            {
                double? fileGamma = loaded.Document.Gamma is { } fg && fg > 0 && fg < 1 ? fg : null;
                g = gammaText is null && fileGamma is null ? DefaultGamma : DiscountParser.ParseDiscounted(gammaText, fileGamma);
                if (g <= 0) throw new CliUsageException($"--gamma must be in (0, 1) for vertices; got {Numbers.RoundTrip(g)}.");
                gammaSource = gammaText is not null ? "--gamma"
                    : fileGamma is not null ? "the file's gamma"
                    : loaded.Document.Gamma is { } endpoint
                        ? $"default {Numbers.RoundTrip(DefaultGamma)}: the file's gamma {Numbers.RoundTrip(endpoint)} is an endpoint, where visit vectors are limits; F_nd(s) is the same set at every gamma in (0, 1), so the vectors are shown at {Numbers.RoundTrip(DefaultGamma)} (use --average for gamma -> 1)"
                        : $"default {Numbers.RoundTrip(DefaultGamma)}: no --gamma and no gamma in the file; F_nd(s) is the same set at every gamma in (0, 1)";
            }
            IReadOnlyList<VertexReport> reports;
            if (all)
            {
                reports = avg ? VertexReport.AverageForAllStates(mdp) : VertexReport.DiscountedForAllStates(mdp, g);
            }
            else
            {
                if (!mdp.TryGetStateIndex(stateName!, out int s))
                    throw new CliUsageException($"--state: unknown state '{stateName}'.");
                reports = [avg ? VertexReport.Average(mdp, s) : VertexReport.Discounted(mdp, s, g)];
            }
            if (gammaSource is not null && gammaSource.StartsWith("default", StringComparison.Ordinal))
                context.Diagnostic($"note: vertices at gamma = {gammaSource}.");
            foreach (var r in reports) DegradationOutput.Warn(context, r.Degradations);
            switch (outputFormat)
            {
                case OutputFormat.Json:
                    JsonOutput.Write(context.Out, w =>
                    {
                        if (all) w.WriteStartArray();
                        foreach (var r in reports) WriteJson(w, r, gammaSource);
                        if (all) w.WriteEndArray();
                    });
                    break;
                case OutputFormat.Csv:
                    WriteCsv(context, mdp, reports);
                    break;
                default:
                    WriteText(context, reports, gammaSource);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(Utf8JsonWriter w, VertexReport report, string? gammaSource)
    {
        w.WriteStartObject();
        w.WriteString("state", report.State);
        if (report.Gamma is { } g)
        {
            w.WriteNumber("gamma", g);
            w.WriteString("gammaSource", gammaSource);
        }
        else w.WriteBoolean("average", true);
        if (report.VisitDistributionCount is { } k) w.WriteNumber("visitDistributionCount", k);
        else w.WriteNull("visitDistributionCount");
        w.WriteNumber("nonDominatedCount", report.NonDominatedCount);
        w.WriteBoolean("complete", report.IsComplete);
        w.WriteString("method", report.Method);
        DegradationsJson.Write(w, report.Degradations);
        w.WriteStartArray("nonDominated");
        foreach (var e in report.NonDominated)
        {
            w.WriteStartObject();
            w.WriteStartObject("policy");
            foreach (var (s, a) in e.Policy) w.WriteString(s, a);
            w.WriteEndObject();
            w.WriteStartObject("visits");
            foreach (var (s, x) in e.Visits) w.WriteNumber(s, x);
            w.WriteEndObject();
            w.WriteStartObject("witness");
            foreach (var (s, x) in e.Witness) w.WriteNumber(s, x);
            w.WriteEndObject();
            if (e.Margin is { } m) w.WriteNumber("margin", m);
            else w.WriteNull("margin");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteText(CliContext context, IReadOnlyList<VertexReport> reports, string? gammaSource)
    {
        foreach (var report in reports)
        {
            string where = report.Gamma is { } g ? $"gamma = {Numbers.RoundTrip(g)} ({gammaSource})" : "average (gamma -> 1)";
            string count = report.VisitDistributionCount is { } k ? k.ToString(CultureInfo.InvariantCulture) : "over budget";
            context.Out.WriteLine(
                $"state {report.State}, {where}: {count} distinct, {report.NonDominatedCount} non-dominated " +
                $"({(report.IsComplete ? "complete" : "INCOMPLETE: search budget reached")}, {report.Method})");
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumn("#");
            table.AddColumn("policy (reachable states)");
            table.AddColumn("visits (non-zero)");
            int i = 1;
            foreach (var e in report.NonDominated)
            {
                table.AddRow(
                    (i++).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(" ", e.Policy.Select(p => $"{p.Key}:{p.Value}"))),
                    Markup.Escape(string.Join(" ", e.Visits.Where(v => v.Value != 0)
                        .Select(v => $"{v.Key}={v.Value.ToString("G5", CultureInfo.InvariantCulture)}"))));
            }
            context.Write(table);
        }
    }

    private static void WriteCsv(CliContext context, Mdp mdp, IReadOnlyList<VertexReport> reports)
    {
        CsvOutput.WriteRow(context.Out, new[] { "state", "index" }.Concat(mdp.StateNames));
        foreach (var report in reports)
        {
            int i = 0;
            foreach (var e in report.NonDominated)
            {
                var row = new List<string> { report.State, (i++).ToString(CultureInfo.InvariantCulture) };
                row.AddRange(mdp.StateNames.Select(s => Numbers.RoundTrip(e.Visits.TryGetValue(s, out var x) ? x : 0)));
                CsvOutput.WriteRow(context.Out, row);
            }
        }
    }
}

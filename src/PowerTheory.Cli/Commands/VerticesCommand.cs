using System.CommandLine;
using System.Globalization;
using PowerTheory.Budgets;
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

    /// <summary>The default of <c>--max-vertices</c>: every vertex prints |S| witness entries, so the command keeps fewer
    /// than the library's default.</summary>
    public const int DefaultMaxVertices = 1000;

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
        var budget = BudgetOptions.Create(SearchBudget.DefaultMaxNodes, 8);
        var maxVertices = new Option<int?>("--max-vertices")
        {
            Description = $"The most non-dominated distributions to collect and print (default {DefaultMaxVertices}; this bounds memory and output).",
            HelpName = "M",
        }.Whole(1, 10_000_000);
        var command = new Command("vertices", "Non-dominated visit distributions F_nd(s) (or RSD_nd(s) with --average), with policies.")
        {
            mdpArgument, state, allStates, gamma, average, format, budget.Nodes, budget.Seconds, maxVertices,
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
            var loaded = MdpSource.Load(parseResult.GetValue(mdpArgument), context);
            var mdp = loaded.Mdp;
            double g = DefaultGamma;
            string? gammaSource = null;
            if (!avg)
            {
                if (gammaText is not null && Numbers.TryParseFinite(gammaText, out var given) && !(given > 0 && given < 1))
                    throw new CliUsageException($"--gamma must be in (0, 1) for vertices (the open interval: visit vectors at 0 and 1 are limits); got {gammaText.Trim()}. Use --average for gamma -> 1.");
                double? fileGamma = loaded.Document.Gamma is { } fg && fg > 0 && fg < 1 ? fg : null;
                g = gammaText is null && fileGamma is null ? DefaultGamma : DiscountParser.ParseDiscounted(gammaText, fileGamma);
                if (g <= 0) throw new CliUsageException($"--gamma must be in (0, 1) for vertices; got {Numbers.RoundTrip(g)}.");
                gammaSource = gammaText is not null ? "--gamma"
                    : fileGamma is not null ? "the file's gamma"
                    : loaded.Document.Gamma is { } endpoint
                        ? $"default {Numbers.RoundTrip(DefaultGamma)}: the file's gamma {Numbers.RoundTrip(endpoint)} is an endpoint, where visit vectors are limits; F_nd(s) is the same set at every gamma in (0, 1), so the vectors are shown at {Numbers.RoundTrip(DefaultGamma)} (use --average for gamma -> 1)"
                        : $"default {Numbers.RoundTrip(DefaultGamma)}: no --gamma and no gamma in the file; F_nd(s) is the same set at every gamma in (0, 1)";
            }
            var defaults = new VertexReportOptions();
            var searchBudget = budget.Parse(parseResult, avg ? defaults.EnumerationBudget : defaults.Search.Budget);
            int vertexLimit = parseResult.GetValue(maxVertices) ?? DefaultMaxVertices;
            if (vertexLimit <= 0) throw new CliUsageException($"--max-vertices must be positive; got {vertexLimit}.");
            var options = avg
                ? defaults with { EnumerationBudget = searchBudget }
                : defaults with { Search = defaults.Search with { Budget = searchBudget, MaxVertices = vertexLimit } };
            IReadOnlyList<VertexReport> reports;
            if (all)
            {
                reports = avg ? VertexReport.AverageForAllStates(mdp, options) : VertexReport.DiscountedForAllStates(mdp, g, options);
            }
            else
            {
                if (!mdp.TryGetStateIndex(stateName!, out int s))
                    throw new CliUsageException($"--state: unknown state '{stateName}'.");
                reports = [avg ? VertexReport.Average(mdp, s, options) : VertexReport.Discounted(mdp, s, g, options)];
            }
            if (gammaSource is not null && gammaSource.StartsWith("default", StringComparison.Ordinal))
                context.Diagnostic($"note: vertices at gamma = {gammaSource}.");
            foreach (var r in reports)
            {
                DegradationOutput.Warn(context, r.Degradations);
                if (!r.IsComplete)
                    context.Diagnostic($"warning: state {r.State}: partial answer, {r.Outcome.Describe()}; the {r.NonDominatedCount} listed " +
                        (r.IsAverage ? "are non-dominated among the recurrent distributions found." : "are each certified, others may exist.") +
                        " Raise --budget/--seconds/--max-vertices for more.");
            }
            switch (outputFormat)
            {
                case OutputFormat.Json:
                    JsonOutput.Write(context.Out, w =>
                    {
                        if (all) w.WriteStartArray();
                        foreach (var r in reports) VertexReportJson.Write(w, r, gammaSource);
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

    private static void WriteText(CliContext context, IReadOnlyList<VertexReport> reports, string? gammaSource)
    {
        foreach (var report in reports)
        {
            string where = report.Gamma is { } g ? $"gamma = {Numbers.RoundTrip(g)} ({gammaSource})" : "average (gamma -> 1)";
            string count = report.VisitDistributionCount is { } k ? k.ToString(CultureInfo.InvariantCulture) : "over budget";
            context.Out.WriteLine(
                $"state {report.State}, {where}: {count} distinct, {report.NonDominatedCount} non-dominated " +
                $"({(report.IsComplete ? "complete" : "INCOMPLETE: " + report.Outcome.Describe())}, {report.Method})");
            if (report.NonDominatedCount > TableLimit)
            {
                // A table of thousands of rows is built in memory before it renders; plain lines stream.
                int row = 1;
                foreach (var e in report.NonDominated) context.Out.WriteLine($"  {row++}  {PolicyText(e)}  |  {VisitsText(e)}");
                continue;
            }
            var table = new Table { Border = TableBorder.Simple };
            table.AddColumn("#");
            table.AddColumn("policy (reachable states)");
            table.AddColumn("visits (non-zero)");
            int i = 1;
            foreach (var e in report.NonDominated)
                table.AddRow((i++).ToString(CultureInfo.InvariantCulture), Markup.Escape(PolicyText(e)), Markup.Escape(VisitsText(e)));
            context.Write(table);
        }
    }

    /// <summary>Reports with more entries than this print plain lines instead of a table.</summary>
    private const int TableLimit = 200;

    private static string PolicyText(VertexReportEntry e) => string.Join(" ", e.Policy.Select(p => $"{p.Key}:{p.Value}"));

    private static string VisitsText(VertexReportEntry e) =>
        string.Join(" ", e.Visits.Where(v => v.Value != 0).Select(v => $"{v.Key}={v.Value.ToString("G5", CultureInfo.InvariantCulture)}"));

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

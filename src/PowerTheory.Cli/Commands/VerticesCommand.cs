using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PowerTheory.Budgets;
using PowerTheory.Cli.Common;
using PowerTheory.Mdps;
using PowerTheory.Polytope;
using PowerTheory.IO.Json;
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
        var gamma = DiscountOption.Single("--gamma", "-g", $"γ in (0, 1) for the visit vectors (default: the file's gamma, else {DefaultGamma}; the set F_nd(s) itself does not depend on γ).");
        var average = new Option<bool>("--average") { Description = "Recurrent state distributions (γ → 1): RSD(s) and RSD_nd(s)." };
        var format = OutputFormatOption.Create();
        var budget = BudgetOptions.Create(SearchBudget.DefaultMaxNodes, 8);
        var maxVertices = new Option<int?>("--max-vertices")
        {
            Description = $"The most non-dominated distributions to collect and print (default {DefaultMaxVertices}; this bounds memory and output).",
            HelpName = "M",
        }.Whole(1, int.MaxValue);
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
            double? gammaText = parseResult.GetValue(gamma);
            if (avg && gammaText is not null) throw new CliUsageException("give --gamma or --average, not both.");
            var loaded = MdpSource.Load(parseResult.GetValue(mdpArgument), context);
            var mdp = loaded.Mdp;
            double g = DefaultGamma;
            string? gammaSource = null;
            if (!avg)
            {
                if (gammaText is { } given && !(given > 0 && given < 1))
                    throw new CliUsageException($"--gamma must be in (0, 1) for vertices (the open interval: visit vectors at 0 and 1 are limits); got {Numbers.RoundTrip(given)}. Use --average for gamma -> 1.");
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
            int? givenLimit = parseResult.GetValue(maxVertices);
            int vertexLimit = givenLimit ?? DefaultMaxVertices;
            if (vertexLimit <= 0) throw new CliUsageException($"--max-vertices must be positive; got {vertexLimit}.");
            vertexLimit = FitVertexLimit(context, mdp, vertexLimit, givenLimit is not null);
            int? stateIndex = null;
            if (!all)
            {
                if (!mdp.TryGetStateIndex(stateName!, out int s))
                    throw new CliUsageException($"--state: unknown state '{stateName}'.");
                stateIndex = s;
            }
            if (gammaSource is not null && gammaSource.StartsWith("default", StringComparison.Ordinal))
                context.Diagnostic($"note: vertices at gamma = {gammaSource}.");
            // --seconds bounds the whole command: with --all-states every state gets what is left of it, and the states
            // not reached when it runs out are reported as skipped. Reports are written one at a time as they are
            // computed (never all held), so the output streams and memory stays that of one state.
            var clock = Stopwatch.StartNew();
            int total = all ? mdp.StateCount : 1, done = 0;
            IEnumerable<VertexReport> Reports()
            {
                for (int i = 0; i < total; i++)
                {
                    double left = i == 0 ? searchBudget.MaxSeconds : searchBudget.MaxSeconds - clock.Elapsed.TotalSeconds;
                    if (left <= 0) yield break;
                    int s = stateIndex ?? i;
                    var report = avg
                        ? VertexReport.Average(mdp, s, defaults with { EnumerationBudget = new SearchBudget(searchBudget.MaxNodes, left) })
                        : VertexReport.Discounted(mdp, s, g, defaults with
                        {
                            CountBudget = new SearchBudget(defaults.CountBudget.MaxNodes, Math.Min(defaults.CountBudget.MaxSeconds, left / 4)),
                            Search = defaults.Search with { Budget = new SearchBudget(searchBudget.MaxNodes, left), MaxVertices = vertexLimit },
                        });
                    done++;
                    DegradationOutput.Warn(context, report.Degradations);
                    if (!report.IsComplete)
                        context.Diagnostic($"warning: state {report.State}: partial answer, {report.Outcome.Describe()}; the {report.NonDominatedCount} listed " +
                            (report.IsAverage ? "are non-dominated among the recurrent distributions found." : "are each certified, others may exist.") +
                            " Raise --budget/--seconds/--max-vertices for more.");
                    yield return report;
                }
            }
            switch (outputFormat)
            {
                case OutputFormat.Json:
                    if (all) context.Out.WriteLine("[");
                    bool first = true;
                    foreach (var r in Reports())
                    {
                        if (!first) context.Out.WriteLine(",");
                        first = false;
                        JsonOutput.Write(context.Out, w => VertexReportJson.Write(w, r, gammaSource));
                        context.Out.Flush();
                    }
                    if (all) context.Out.WriteLine("]");
                    break;
                case OutputFormat.Csv:
                    WriteCsv(context, mdp, Reports());
                    break;
                default:
                    WriteText(context, Reports(), gammaSource);
                    break;
            }
            if (done < total)
                context.Diagnostic(string.Create(CultureInfo.InvariantCulture,
                    $"warning: --seconds {Numbers.RoundTrip(searchBudget.MaxSeconds)} ran out after {done} of {total} states; the other {total - done} were skipped (stop: time-budget). Raise --seconds for more."));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Bytes one collected vertex takes per state of the MDP: three |S|-vectors (visits, witness, gaps) and the
    /// report's three name → value maps.</summary>
    private const double VertexBytesPerState = 3 * 8 + 3 * 64;

    /// <summary>The vertex limit that fits the memory budget: a limit given with --max-vertices that does not fit is
    /// refused; the default is lowered to what fits, with a note.</summary>
    private static int FitVertexLimit(CliContext context, Mdp mdp, int limit, bool given)
    {
        double perVertex = VertexBytesPerState * mdp.StateCount;
        if (MemoryBudget.Fits(perVertex * limit)) return limit;
        if (given)
            MemoryBudget.Require(perVertex * limit, $"--max-vertices {limit} on {mdp.StateCount} states", "lower --max-vertices");
        int fit = (int)Math.Max(1, Math.Min(limit, Math.Floor(MemoryBudget.LimitBytes / perVertex)));
        MemoryBudget.Require(perVertex * fit, $"one vertex of {mdp.StateCount} states", "use a smaller model");
        context.Diagnostic(string.Create(CultureInfo.InvariantCulture,
            $"note: at most {fit} vertices are collected per state (the default {limit} would need an estimated {MemoryBudget.Format(perVertex * limit)}, above the memory limit of {MemoryBudget.Format(MemoryBudget.LimitBytes)})."));
        return fit;
    }

    private static void WriteText(CliContext context, IEnumerable<VertexReport> reports, string? gammaSource)
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

    private static void WriteCsv(CliContext context, Mdp mdp, IEnumerable<VertexReport> reports)
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

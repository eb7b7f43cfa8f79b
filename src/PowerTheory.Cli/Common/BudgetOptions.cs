using System.CommandLine;
using PowerTheory.Budgets;

namespace PowerTheory.Cli.Common;

/// <summary>The <c>--budget N</c> (search nodes) and <c>--seconds S</c> (wall time) options every searching command
/// takes, turned into a <see cref="SearchBudget"/>; a partial answer is reported by the command, never hidden.</summary>
public sealed class BudgetOptions
{
    /// <summary>The longest time budget any command accepts: one year.</summary>
    public const double MaxSeconds = 365 * 24 * 3600.0;

    private BudgetOptions(Option<long?> nodes, Option<double?> seconds)
    {
        Nodes = nodes;
        Seconds = seconds;
    }

    /// <summary>The <c>--budget</c> option.</summary>
    public Option<long?> Nodes { get; }

    /// <summary>The <c>--seconds</c> option.</summary>
    public Option<double?> Seconds { get; }

    /// <summary>Creates the two options, describing the command's defaults.</summary>
    /// <param name="defaultNodes">The node budget when <c>--budget</c> is not given.</param>
    /// <param name="defaultSeconds">The time budget when <c>--seconds</c> is not given.</param>
    /// <param name="atBudget">What the command does when a search reaches the node budget (the default: it returns a
    /// partial answer and says so).</param>
    public static BudgetOptions Create(long defaultNodes, double defaultSeconds,
        string atBudget = "a search that reaches it returns a partial answer and says so") => new(
        new Option<long?>("--budget") { Description = $"Search budget in nodes (default {defaultNodes}); {atBudget}.", HelpName = "N" }.Whole(1, long.MaxValue),
        new Option<double?>("--seconds") { Description = $"Search time budget in seconds (default {defaultSeconds}).", HelpName = "S" }.Real(0, MaxSeconds, minExclusive: true, unit: "seconds"));

    /// <summary>The budget the user asked for, with <paramref name="defaults"/> for what they left out.</summary>
    public SearchBudget Parse(ParseResult parseResult, SearchBudget defaults)
    {
        long nodes = parseResult.GetValue(Nodes) ?? defaults.MaxNodes;
        double seconds = parseResult.GetValue(Seconds) ?? defaults.MaxSeconds;
        if (nodes <= 0) throw new CliUsageException($"--budget must be a positive number of search nodes; got {nodes}.");
        if (!(seconds > 0) || double.IsInfinity(seconds))
            throw new CliUsageException($"--seconds must be a positive number of seconds; got {Numbers.RoundTrip(seconds)}.");
        return new SearchBudget(nodes, seconds);
    }
}

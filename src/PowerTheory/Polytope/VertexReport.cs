using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Polytope;

/// <summary>
/// The result behind <c>powertheory vertices MDP --state S [--gamma G | --average]</c>, carrying every field of the JSON
/// contract of docs/cli.md:
/// <c>{"state":"S","visitDistributionCount":k,"nonDominatedCount":m,"nonDominated":[{"policy":{...},"visits":{...}}]}</c>.
/// Discounted (γ ∈ (0,1)): k = |F(s)| and the non-dominated list is F_nd(s) from <see cref="NonDominatedSearch"/> with
/// vectors f(γ). Average (γ → 1): k = |RSD(s)| and the list is RSD_nd(s) with the recurrent distributions d.
/// </summary>
public sealed class VertexReport
{
    private readonly VertexReportEntry[] _entries;

    private VertexReport(string state, double? gamma, int? count, VertexReportEntry[] entries, SearchOutcome outcome, string method)
    {
        State = state;
        Gamma = gamma;
        VisitDistributionCount = count;
        _entries = entries;
        Outcome = outcome;
        Method = method;
    }

    /// <summary>The start state's name (<c>state</c>).</summary>
    public string State { get; }

    /// <summary>γ for a discounted report; null for an average (γ → 1, recurrent-distribution) report.</summary>
    public double? Gamma { get; }

    /// <summary>True for an average report (RSD(s) and RSD_nd(s)).</summary>
    public bool IsAverage => Gamma is null;

    /// <summary><c>visitDistributionCount</c>: |F(s)| (discounted) or |RSD(s)| (average); null when the exact count would
    /// need more than the enumeration budget (discounted reports only).</summary>
    public int? VisitDistributionCount { get; }

    /// <summary><c>nonDominatedCount</c>: the number of entries in <see cref="NonDominated"/>.</summary>
    public int NonDominatedCount => _entries.Length;

    /// <summary><c>nonDominated</c>: the non-dominated elements with their policies and visits.</summary>
    public IReadOnlyList<VertexReportEntry> NonDominated => Array.AsReadOnly(_entries);

    /// <summary>True when the non-dominated list is proved complete. False when a budget stopped the search (discounted)
    /// or the enumeration of RSD(s) (average): every listed discounted vertex is still certified by its witness, while a
    /// listed average entry is then only non-dominated among the distributions found.</summary>
    public bool IsComplete => Outcome.IsComplete;

    /// <summary>How the search (discounted) or enumeration (average) ended: exhaustive, or which budget stopped it.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>How the list was found (<c>preference-graph</c>, <c>linear-program</c> or <c>enumeration+lp</c>).</summary>
    public string Method { get; }

    /// <summary>Fallbacks and loosened acceptances while computing this report (what happened → how often); empty when
    /// everything ran as designed.</summary>
    public IReadOnlyDictionary<string, long> Degradations { get; } = Internal.DegradationScope.Snapshot();

    /// <summary>The discounted report for one state.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="state">The start state's index.</param>
    /// <param name="gamma">γ ∈ (0,1).</param>
    /// <param name="options">Budgets (null: defaults).</param>
    public static VertexReport Discounted(Mdp mdp, int state, double gamma, VertexReportOptions? options = null)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        Preconditions.CheckOpenDiscount(gamma);
        options ??= new VertexReportOptions();
        var all = VisitDistributionSet.Enumerate(mdp, state, options.CountBudget);
        int? count = all.IsComplete ? all.Count : null;
        var set = NonDominatedSearch.Run(mdp, state, gamma, options.Search);
        var entries = set.Vertices.Select(v => new VertexReportEntry(
            v.Function.PolicyOnReachedStates(),
            NonZero(mdp, v.Visits),
            All(mdp, v.Witness),
            Finite(v.ActionGap))).ToArray();
        return new VertexReport(mdp.StateNames[state], gamma, count, entries, set.Outcome, set.Method);
    }

    /// <summary>The average (γ → 1) report for one state: RSD(s) enumerated and RSD_nd(s) by the exact LP test (partial,
    /// and saying so, when the enumeration budget runs out).</summary>
    public static VertexReport Average(Mdp mdp, int state, VertexReportOptions? options = null)
    {
        using var degradations = Internal.DegradationScope.Begin();
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, state, nameof(state));
        options ??= new VertexReportOptions();
        var set = RecurrentStateDistributionSet.Enumerate(mdp, state, options.EnumerationBudget);
        var all = set.Distributions;
        var entries = new List<VertexReportEntry>();
        // The non-domination tests (one LP over all the others each) share what is left of the time budget; each test
        // is one node. When they run out, the entries tested so far are reported and the report is partial.
        double left = Math.Max(options.EnumerationBudget.MaxSeconds - set.Outcome.Seconds, 1e-3);
        var meter = new SearchBudget(options.EnumerationBudget.MaxNodes, left).Start();
        for (int i = 0; i < all.Count; i++)
        {
            if (!meter.TryCount()) break;
            int self = i;
            var test = NonDominationTest.Test(all[i].Distribution, all.Where((_, k) => k != self).Select(e => e.Distribution));
            if (!test.IsNonDominated) continue;
            var policy = new OrderedDictionary<string, string>(StringComparer.Ordinal);
            foreach (int s in all[i].ReachedStates) policy[mdp.StateNames[s]] = mdp.ActionName(s, all[i].Policy[s]);
            entries.Add(new VertexReportEntry(policy, NonZero(mdp, all[i].Distribution), All(mdp, test.Witness), Finite(test.Margin)));
        }
        var filter = meter.Outcome();
        var outcome = !set.IsComplete ? set.Outcome
            : filter.IsComplete ? set.Outcome with { Seconds = set.Outcome.Seconds + filter.Seconds }
            : filter with { Seconds = set.Outcome.Seconds + filter.Seconds, Budget = options.EnumerationBudget };
        return new VertexReport(mdp.StateNames[state], null, set.IsComplete ? set.Count : null, entries.ToArray(), outcome, "enumeration+lp");
    }

    /// <summary>Discounted reports for every state, in state order.</summary>
    public static IReadOnlyList<VertexReport> DiscountedForAllStates(Mdp mdp, double gamma, VertexReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return Enumerable.Range(0, mdp.StateCount).Select(s => Discounted(mdp, s, gamma, options)).ToArray();
    }

    /// <summary>Average reports for every state, in state order.</summary>
    public static IReadOnlyList<VertexReport> AverageForAllStates(Mdp mdp, VertexReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return Enumerable.Range(0, mdp.StateCount).Select(s => Average(mdp, s, options)).ToArray();
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    private static IReadOnlyDictionary<string, double> NonZero(Mdp mdp, IReadOnlyList<double> x)
    {
        var d = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        for (int s = 0; s < x.Count; s++)
            if (x[s] != 0) d[mdp.StateNames[s]] = x[s];
        return d;
    }

    private static IReadOnlyDictionary<string, double> All(Mdp mdp, IReadOnlyList<double> x)
    {
        var d = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        for (int s = 0; s < x.Count; s++) d[mdp.StateNames[s]] = x[s];
        return d;
    }
}

using System.Globalization;
using PowerTheory.Budgets;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>
/// A satisficer: a deterministic policy drawn uniformly from those whose value at the start state s₀ reaches the
/// threshold t = V_min(s₀) + q·(V*(s₀) − V_min(s₀)), q ∈ [0,1] (V_min the least value of any policy; q = 1 keeps only
/// optimal policies, q = 0 all). pol(R) is thus a random policy; the tendency engine averages over that draw too.
/// γ ∈ (0,1).
/// </summary>
/// <remarks>
/// Only the actions at states reachable from s₀ affect V(s₀); elsewhere the action is drawn uniformly (which is what a
/// uniform draw over whole policies does there). Let m be the number of policies on the reachable states.
/// <list type="bullet">
/// <item><b>Exact enumeration</b> when m ≤ the budget's node limit: every policy's discounted visit distribution d_π
/// from s₀ is computed once, then per sample V^π(s₀) = d_π·R and the draw is uniform over those reaching t (within the
/// tie tolerance).</item>
/// <item><b>Rejection sampling</b> otherwise: draw policies uniformly and keep the first that reaches t — still an exact
/// uniform draw — trying at most the budget's node limit times per sample. When no draw succeeds, the sample falls back
/// to an optimal policy (which always satisfices) and is counted as approximate.</item>
/// </list>
/// Only the node limit of the budget is used (a time limit would make results depend on the machine).
/// </remarks>
public sealed class SatisficerDecisionMaker : DecisionMaker
{
    /// <summary>The default budget: 4,096 policies enumerated, or 4,096 rejection draws per sample.</summary>
    public static SearchBudget DefaultBudget { get; } = new(maxNodes: 4096);

    /// <summary>Creates the rule.</summary>
    /// <param name="quantile">q ∈ [0,1].</param>
    /// <param name="budget">The node limit m of the enumeration and of the draws per sample (default 4,096).</param>
    /// <exception cref="ArgumentOutOfRangeException">q outside [0,1].</exception>
    public SatisficerDecisionMaker(double quantile, SearchBudget? budget = null)
    {
        if (!(quantile >= 0 && quantile <= 1))
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, $"satisfice: q must be in [0, 1]; got {quantile}.");
        Quantile = quantile;
        Budget = budget ?? DefaultBudget;
    }

    /// <summary>q.</summary>
    public double Quantile { get; }

    /// <summary>The budget.</summary>
    public SearchBudget Budget { get; }

    /// <inheritdoc />
    public override string Name => "satisfice:q=" + Quantile.ToString("R", CultureInfo.InvariantCulture)
        + (Budget.MaxNodes == DefaultBudget.MaxNodes ? "" : ":budget=" + Budget.MaxNodes.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public override string Description => $"satisficer: uniform over deterministic policies with V(s₀) ≥ V_min + {Quantile.ToString("R", CultureInfo.InvariantCulture)}·(V* − V_min)";

    /// <inheritdoc />
    public override string? ApproximationNote =>
        $"no satisficing policy among {Budget.MaxNodes} uniform draws: an optimal policy was used";

    /// <inheritdoc />
    public override Func<PolicyChooser> Prepare(DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireOpenDiscount(Name, "the threshold is on discounted values");
        var mdp = context.Mdp;
        MdpPreconditions.CheckState(mdp, context.StartState, nameof(context.StartState));
        var reachable = Reachability.AnyPolicy(mdp, context.StartState);
        double count = 1;
        foreach (int s in reachable) count *= mdp.ActionCount(s);
        List<(int[] Actions, double[] Visits)>? table = null;
        if (count <= Budget.MaxNodes)
        {
            table = [];
            var row = new double[mdp.StateActionCount];
            var evaluator = new StochasticPolicyEvaluator(mdp, context.Gamma);
            foreach (var p in Enumerate(mdp, reachable))
            {
                PolicyRows.Deterministic(mdp, p, row);
                var visits = new double[mdp.StateCount];
                evaluator.Visits(row, context.StartState, visits);
                table.Add((p, visits));
            }
        }
        return () => new SatisficerChooser(context, Quantile, Budget.MaxNodes, reachable, table);
    }

    private static IEnumerable<int[]> Enumerate(Mdp mdp, int[] reachable)
    {
        var current = new int[mdp.StateCount];
        while (true)
        {
            yield return (int[])current.Clone();
            int i = reachable.Length - 1;
            for (; i >= 0; i--)
            {
                int s = reachable[i];
                if (++current[s] < mdp.ActionCount(s)) break;
                current[s] = 0;
            }
            if (i < 0) yield break;
        }
    }
}

using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Solvers;

namespace PowerTheory.Visits;

/// <summary>
/// RSD(s) = {lim_{γ→1}(1−γ)·f^{π,s}(γ) : π ∈ Π}, the distinct recurrent state distributions of the deterministic
/// stationary policies from s (OPTSP §1.5), each computed exactly from the policy's recurrent classes
/// (<see cref="RecurrentStateDistribution"/>), and RSD_nd(s) = ND(RSD(s)) by the exact LP test
/// (RSD_nd(s) is computed in the Polytope layer: <c>Polytope.RecurrentNonDominated.NonDominated</c>).
/// </summary>
/// <remarks>The policies are enumerated like F(s) (reach-restricted, budgeted). Distinct RSDs are vectors, not functions:
/// on deterministic MDPs each is uniform on a cycle and is compared exactly by its cycle; on stochastic MDPs they come from
/// linear solves and two are merged when they agree within 1e-9 in every entry.</remarks>
public sealed class RecurrentStateDistributionSet
{
    private const double MergeTolerance = 1e-9;

    private readonly Entry[] _entries;

    private RecurrentStateDistributionSet(Mdp mdp, int start, Entry[] entries, SearchOutcome outcome)
    {
        Mdp = mdp;
        Start = start;
        _entries = entries;
        Outcome = outcome;
    }

    /// <summary>True when every reach-restricted policy was enumerated, so the list is exactly RSD(s).</summary>
    public bool IsComplete => Outcome.IsComplete;

    /// <summary>How the enumeration ended (exhaustive, or which budget stopped it), with its nodes and time.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>One distinct RSD with a policy that attains it.</summary>
    /// <param name="Distribution">d, one entry per state (non-negative, sums to 1).</param>
    /// <param name="Policy">A deterministic policy with d^{π,s} = d (its actions off the reached states are arbitrary).</param>
    /// <param name="ReachedStates">The states the policy reaches from s, in the order first reached.</param>
    public sealed record Entry(IReadOnlyList<double> Distribution, Policy Policy, IReadOnlyList<int> ReachedStates);

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The start state s.</summary>
    public int Start { get; }

    /// <summary>The distinct RSDs, in the order first found.</summary>
    public IReadOnlyList<Entry> Distributions => Array.AsReadOnly(_entries);

    /// <summary>|RSD(s)|.</summary>
    public int Count => _entries.Length;

    /// <summary>Enumerates RSD(s) within a budget; a partial answer says so (<see cref="IsComplete"/>, <see cref="Outcome"/>).</summary>
    public static RecurrentStateDistributionSet Enumerate(Mdp mdp, int start, SearchBudget budget)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(budget);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        var tree = new ReachablePolicyTree(mdp, start);
        var collector = new Collector(mdp, start, budget.Start());
        tree.Walk(collector);
        return new RecurrentStateDistributionSet(mdp, start, collector.Entries.ToArray(), collector.Meter.Outcome());
    }

    /// <summary>Enumerates RSD(s), all of it.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="start">The start state s.</param>
    /// <param name="budget">The largest number of reach-restricted policies to enumerate.</param>
    /// <exception cref="EnumerationBudgetExceededException">More policies would be needed.</exception>
    public static RecurrentStateDistributionSet Enumerate(Mdp mdp, int start, long budget = VisitDistributionSet.DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        if (budget <= 0) throw new ArgumentOutOfRangeException(nameof(budget), budget, $"budget must be positive; got {budget}.");
        var set = Enumerate(mdp, start, new SearchBudget(budget, double.PositiveInfinity));
        if (!set.IsComplete)
            throw new EnumerationBudgetExceededException(
                $"RSD('{mdp.StateNames[start]}') needs more than {budget} reach-restricted policies to enumerate; raise the budget.",
                budget);
        return set;
    }

    /// <summary>Enumerates RSD(s) for a state given by name.</summary>
    public static RecurrentStateDistributionSet Enumerate(Mdp mdp, string start, long budget = VisitDistributionSet.DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return Enumerate(mdp, mdp.StateIndex(start), budget);
    }

    private sealed class Collector : ReachablePolicyTree.IVisitor
    {
        private readonly Mdp _mdp;
        private readonly int _start;
        private readonly HashSet<string> _exactKeys = new(StringComparer.Ordinal);

        public Collector(Mdp mdp, int start, SearchMeter meter)
        {
            _mdp = mdp;
            _start = start;
            Meter = meter;
        }

        public SearchMeter Meter { get; }

        public List<Entry> Entries { get; } = new();

        public bool Enter(int depth, int state, int action) => !Meter.Exhausted;

        public void Leave(int depth, int state, int action) { }

        public bool Leaf(ReachablePolicyTree tree)
        {
            if (!Meter.TryCount()) return false;
            var policy = Policy.Wrap(_mdp, tree.CurrentActions());
            var d = RecurrentStateDistribution.Compute(_mdp, policy, _start);
            if (_mdp.IsDeterministic)
            {
                // Uniform on a cycle: the support identifies it exactly.
                var key = string.Join(",", Enumerable.Range(0, d.Length).Where(i => d[i] > 0));
                if (!_exactKeys.Add(key)) return true;
            }
            else if (Entries.Any(e => Close(e.Distribution, d)))
            {
                return true;
            }
            // Each kept entry holds a dense distribution, the policy and the reached states (about 1.1 MB on a 300×300
            // grid: 2,057 of them took 2.4 GB under an 800 MB limit): a result-size stop, reported, before the next one
            // would not fit the memory budget.
            double entryBytes = 2 * (96 + 8.0 * d.Length + 4.0 * _mdp.StateCount + 4.0 * tree.ReachedStates.Length);
            if (!MemoryBudget.Fits(_heldAtStart + _keptBytes + entryBytes))
            {
                Meter.StopAtResultLimit();
                return false;
            }
            _keptBytes += entryBytes;
            Entries.Add(new Entry(Array.AsReadOnly(d), policy, Array.AsReadOnly(tree.ReachedStates.ToArray())));
            return true;
        }

        private readonly double _heldAtStart = GC.GetTotalMemory(false);
        private double _keptBytes;

        private static bool Close(IReadOnlyList<double> a, double[] b)
        {
            for (int i = 0; i < b.Length; i++)
                if (Math.Abs(a[i] - b[i]) > MergeTolerance) return false;
            return true;
        }
    }
}

using PowerTheory.Budgets;
using PowerTheory.Internal;
using PowerTheory.Mdps;

namespace PowerTheory.Visits;

/// <summary>
/// F(s) = {f^{π,s} : π ∈ Π}, the distinct visit-distribution <em>functions</em> of γ of the deterministic stationary
/// policies from a start state s (OPTSP; docs/theory.md §1.1), found by brute-force enumeration for small MDPs.
/// </summary>
/// <remarks>
/// Only the states reachable from s matter: the enumeration walks the reach-restricted policies (each state gets an action
/// when it is first reached, so policies that differ only off their reach set count once; actions with identical
/// transition rows are merged) and deduplicates the results as functions, exactly (see
/// <see cref="VisitDistributionFunction"/>), never by comparing vectors at one γ. The work is the number of
/// reach-restricted policies, which grows exponentially. With a <see cref="SearchBudget"/> the enumeration stops at the
/// node (policy) or time limit and returns what it found with <see cref="IsComplete"/> false and the
/// <see cref="Outcome"/>; memory is proportional to the policies visited. The overload with a plain policy count keeps the
/// old contract and throws <see cref="EnumerationBudgetExceededException"/> (pointing to <c>Polytope.NonDominatedSearch</c>).
/// </remarks>
public sealed class VisitDistributionSet
{
    /// <summary>The default budget on the number of reach-restricted policies enumerated.</summary>
    public const long DefaultBudget = 200_000;

    private readonly VisitDistributionFunction[] _functions;

    private VisitDistributionSet(Mdp mdp, int start, VisitDistributionFunction[] functions, long policies, SearchOutcome outcome)
    {
        Mdp = mdp;
        Start = start;
        _functions = functions;
        PoliciesEnumerated = policies;
        Outcome = outcome;
    }

    /// <summary>True when every reach-restricted policy was enumerated, so <see cref="Functions"/> is exactly F(s).</summary>
    public bool IsComplete => Outcome.IsComplete;

    /// <summary>How the enumeration ended (exhaustive, or which budget stopped it), with its nodes and time.</summary>
    public SearchOutcome Outcome { get; }

    /// <summary>The MDP.</summary>
    public Mdp Mdp { get; }

    /// <summary>The start state s.</summary>
    public int Start { get; }

    /// <summary>The distinct functions, in the order first found (depth-first over the actions in index order).</summary>
    public IReadOnlyList<VisitDistributionFunction> Functions => Array.AsReadOnly(_functions);

    /// <summary>|F(s)|.</summary>
    public int Count => _functions.Length;

    /// <summary>How many reach-restricted policies were enumerated (≥ <see cref="Count"/>).</summary>
    public long PoliciesEnumerated { get; }

    /// <summary>Every f ∈ F(s) evaluated at γ, one row per function in <see cref="Functions"/> order.</summary>
    public double[][] Evaluate(double gamma)
    {
        Preconditions.CheckDiscount(gamma);
        return _functions.Select(f => f.Evaluate(gamma)).ToArray();
    }

    /// <summary>Enumerates F(s) within a budget; a partial answer says so (<see cref="IsComplete"/>, <see cref="Outcome"/>).</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="start">The start state s.</param>
    /// <param name="budget">Nodes (reach-restricted policies) and seconds.</param>
    public static VisitDistributionSet Enumerate(Mdp mdp, int start, SearchBudget budget)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        ArgumentNullException.ThrowIfNull(budget);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        var tree = new ReachablePolicyTree(mdp, start);
        var collector = new Collector(mdp, start, budget.Start(), Reachability.AnyPolicy(mdp, start).Length);
        tree.Walk(collector);
        return new VisitDistributionSet(mdp, start, collector.Functions.ToArray(), collector.Policies, collector.Meter.Outcome());
    }

    /// <summary>Enumerates F(s), all of it.</summary>
    /// <param name="mdp">The MDP.</param>
    /// <param name="start">The start state s.</param>
    /// <param name="budget">The largest number of reach-restricted policies to enumerate (positive).</param>
    /// <exception cref="EnumerationBudgetExceededException">More than <paramref name="budget"/> policies would be needed.</exception>
    public static VisitDistributionSet Enumerate(Mdp mdp, int start, long budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        MdpPreconditions.CheckState(mdp, start, nameof(start));
        if (budget <= 0) throw new ArgumentOutOfRangeException(nameof(budget), budget, $"budget must be positive; got {budget}.");
        var set = Enumerate(mdp, start, new SearchBudget(budget, double.PositiveInfinity));
        if (!set.IsComplete)
            throw new EnumerationBudgetExceededException(
                $"F('{mdp.StateNames[start]}') needs more than {budget} reach-restricted policies to enumerate; raise the budget " +
                "or find the non-dominated visit distributions without enumeration with Polytope.NonDominatedSearch " +
                "(NonDominatedSearch.Run).", budget);
        return set;
    }

    /// <summary>Enumerates F(s) for a state given by name.</summary>
    public static VisitDistributionSet Enumerate(Mdp mdp, string start, long budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(mdp);
        return Enumerate(mdp, mdp.StateIndex(start), budget);
    }

    private sealed class Collector : ReachablePolicyTree.IVisitor
    {
        private readonly Mdp _mdp;
        private readonly int _start;
        private readonly int _reachSetSize;
        private readonly HashSet<VisitDistributionFunction> _seen = new();

        public Collector(Mdp mdp, int start, SearchMeter meter, int reachSetSize)
        {
            _mdp = mdp;
            _start = start;
            Meter = meter;
            _reachSetSize = reachSetSize;
        }

        public SearchMeter Meter { get; }

        private readonly double _heldAtStart = GC.GetTotalMemory(false);
        private double _keptBytes;

        /// <summary>The longest exact key computed (10⁸ characters: about a second and 200 MB).</summary>
        public const double MaxKeyChars = 1e8;

        public List<VisitDistributionFunction> Functions { get; } = new();

        public long Policies { get; private set; }

        public bool Enter(int depth, int state, int action) => !Meter.Exhausted;

        public void Leave(int depth, int state, int action) { }

        public bool Leaf(ReachablePolicyTree tree)
        {
            if (!Meter.TryCount()) return false;
            // Stochastic functions are told apart by exact keys of about KeyCharsEstimate characters each, all kept: stop
            // (a result-size stop, reported) before one key would take more than MaxKeyChars or the kept keys more than
            // the memory budget.
            if (!_mdp.IsDeterministic)
            {
                double key = VisitDistributionFunction.KeyCharsEstimate(_reachSetSize);
                if (key > MaxKeyChars || !MemoryBudget.Fits(2 * key * (Functions.Count + 1)))
                {
                    Meter.StopAtResultLimit();
                    return false;
                }
            }
            Policies++;
            var f = new VisitDistributionFunction(_mdp, _start, tree.CurrentActions(), tree.ReachedStates.ToArray(), _reachSetSize);
            // The kept functions stay within the memory budget (on a 300×300 grid each holds about 0.7 MB: 4,243 of them
            // took 2.9 GB under an 800 MB limit): a result-size stop, reported, before the next one would not fit.
            if (!MemoryBudget.Fits(_heldAtStart + _keptBytes + 2 * f.HeldBytes))
            {
                Meter.StopAtResultLimit();
                return false;
            }
            if (_seen.Add(f))
            {
                Functions.Add(f);
                _keptBytes += 2 * f.HeldBytes; // the list and the hash set's entry, with the growth of both
            }
            return true;
        }
    }
}

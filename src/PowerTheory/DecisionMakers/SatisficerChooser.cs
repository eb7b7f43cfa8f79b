using PowerTheory.Solvers;

namespace PowerTheory.DecisionMakers;

/// <summary>One thread's satisficer (see <see cref="SatisficerDecisionMaker"/>): exact enumeration over a precomputed
/// table of visit distributions, or rejection sampling with an optimal-policy fallback.</summary>
internal sealed class SatisficerChooser : PolicyChooser
{
    private readonly DecisionContext _context;
    private readonly double _q;
    private readonly long _tries;
    private readonly int[] _reachable;
    private readonly List<(int[] Actions, double[] Visits)>? _table;
    private readonly RewardBatchSolver? _solver;
    private readonly double[] _future;
    private readonly bool[] _optimal;
    private readonly double[] _negated;
    private readonly int[] _actions;
    private double[]? _row, _startValues;
    private StochasticPolicyEvaluator? _evaluator;
    private readonly List<int> _accepted = [];

    public SatisficerChooser(DecisionContext context, double q, long tries, int[] reachable, List<(int[] Actions, double[] Visits)>? table)
    {
        _context = context;
        _q = q;
        _tries = tries;
        _reachable = reachable;
        _table = table;
        var mdp = context.Mdp;
        if (table is null) _solver = RewardBatchSolver.Create(mdp, context.Gamma, context.TieTolerance);
        _future = new double[mdp.StateCount];
        _optimal = new bool[mdp.StateActionCount];
        _negated = new double[mdp.StateCount];
        _actions = new int[mdp.StateCount];
    }

    public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
    {
        var mdp = _context.Mdp;
        double gamma = _context.Gamma;
        for (int s = 0; s < mdp.StateCount; s++) _actions[s] = random.Next(mdp.ActionCount(s)); // unreachable states: uniform
        double tolerance = _context.TieTolerance * PolicyRows.Scale(rewards) / (1 - gamma);
        bool exact = true;
        if (_table is not null)
        {
            double best = double.NegativeInfinity, worst = double.PositiveInfinity;
            var values = new double[_table.Count];
            for (int i = 0; i < values.Length; i++)
            {
                double v = 0;
                var d = _table[i].Visits;
                for (int s = 0; s < d.Length; s++) v += d[s] * rewards[s];
                values[i] = v;
                best = Math.Max(best, v);
                worst = Math.Min(worst, v);
            }
            double threshold = worst + _q * (best - worst) - tolerance;
            _accepted.Clear();
            for (int i = 0; i < values.Length; i++) if (values[i] >= threshold) _accepted.Add(i);
            var chosen = _table[_accepted[random.Next(_accepted.Count)]].Actions;
            foreach (int s in _reachable) _actions[s] = chosen[s];
        }
        else
        {
            int start = _context.StartState;
            for (int s = 0; s < mdp.StateCount; s++) _negated[s] = -rewards[s];
            _solver!.Solve(_negated, _future, _optimal);
            double worst = -(_negated[start] + gamma / (1 - gamma) * _future[start]);
            _solver.Solve(rewards, _future, _optimal);
            double best = rewards[start] + gamma / (1 - gamma) * _future[start];
            double threshold = worst + _q * (best - worst) - tolerance;
            bool found = false;
            for (long attempt = 0; attempt < _tries && !found; attempt++)
            {
                foreach (int s in _reachable) _actions[s] = random.Next(mdp.ActionCount(s));
                found = StartValue(rewards) >= threshold;
            }
            if (!found)
            {
                PolicyRows.DrawFrom(mdp, _optimal, random, _actions);
                exact = false;
            }
        }
        PolicyRows.Deterministic(mdp, _actions, policy);
        return exact;
    }

    /// <summary>V^π(s₀) of the current deterministic policy, by the kernel's evaluator (path to cycle on deterministic
    /// MDPs, a factorisation otherwise).</summary>
    private double StartValue(ReadOnlySpan<double> rewards)
    {
        var mdp = _context.Mdp;
        _row ??= new double[mdp.StateActionCount];
        _startValues ??= new double[mdp.StateCount];
        PolicyRows.Deterministic(mdp, _actions, _row);
        (_evaluator ??= new StochasticPolicyEvaluator(mdp, _context.Gamma)).Values(_row, rewards, _startValues);
        return _startValues[_context.StartState];
    }
}

using PowerTheory.Budgets;
using Google.OrTools.LinearSolver;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Visits;

namespace PowerTheory.Polytope;

/// <summary>The linear-programming node test of the F_nd(s) search (stochastic MDPs, or when forced).</summary>
public static partial class NonDominatedSearch
{
    /// <summary>General MDPs: LP feasibility of the strict greedy inequalities.</summary>
    private sealed class LinearProgramSearcher : Searcher
    {
        private readonly double _tolerance;
        private readonly int[] _reach;
        private readonly Stack<double[]> _values = new();

        public LinearProgramSearcher(ReachablePolicyTree tree, double gamma, SearchMeter meter, int maxVertices, double tolerance)
            : base(tree, gamma, meter, maxVertices)
        {
            _tolerance = tolerance;
            _reach = Reachability.AnyPolicy(tree.Mdp, tree.Start);
        }

        public override string Method => "linear-program";

        protected override bool Feasible(int depth, int state, int action)
        {
            // Reuse the parent's V when it already satisfies the new state's inequalities.
            if (_values.Count > 0)
            {
                var parent = _values.Peek();
                if (Slack(parent, state, action) > _tolerance)
                {
                    _values.Push(parent);
                    return true;
                }
            }
            var (t, v) = SolveLp();
            _values.Push(v);
            return t > _tolerance;
        }

        protected override void LeaveCore(int depth, int state, int action) => _values.Pop();

        protected override double[] LeafValues() => SolveLp().V;

        private double Slack(double[] v, int state, int action)
        {
            var mdp = Tree.Mdp;
            double chosen = mdp.ExpectedValue(mdp.FirstStateAction(state) + action, v);
            double slack = double.PositiveInfinity;
            foreach (int b in Tree.Representatives(state))
                if (b != action) slack = Math.Min(slack, chosen - mdp.ExpectedValue(mdp.FirstStateAction(state) + b, v));
            return slack;
        }

        private const double NegligibleCoefficient = 1e-13;

        /// <summary>max t s.t. (T(c,σ(c)) − T(c,b))·V ≥ t for assigned c, V ∈ [−1,1]^R, t ≤ 1.</summary>
        private (double T, double[] V) SolveLp()
        {
            var mdp = Tree.Mdp;
            using var solver = GlopSolvers.Create("the F_nd search on a stochastic MDP");
            var vars = new Variable?[mdp.StateCount];
            foreach (int u in _reach) vars[u] = solver.MakeNumVar(-1, 1, $"v{u}");
            var t = solver.MakeNumVar(double.NegativeInfinity, 1, "t");
            var row = new Dictionary<int, double>();
            foreach (int c in Tree.ReachedStates)
            {
                int a = Tree.AssignedAction(c);
                if (a < 0) continue;
                foreach (int b in Tree.Representatives(c))
                {
                    if (b == a) continue;
                    row.Clear();
                    Accumulate(row, mdp, mdp.FirstStateAction(c) + a, 1);
                    Accumulate(row, mdp, mdp.FirstStateAction(c) + b, -1);
                    var constraint = solver.MakeConstraint(0, double.PositiveInfinity);
                    // Rows that differ only by rounding (e.g. 1/3 vs 1 − 2/3) leave coefficients near 1e-17, which make
                    // GLOP fail on an always-feasible program; they cannot move t above the 1e-9 tolerance anyway.
                    foreach (var (u, coefficient) in row)
                        if (Math.Abs(coefficient) > NegligibleCoefficient) constraint.SetCoefficient(vars[u]!, coefficient);
                    constraint.SetCoefficient(t, -1);
                }
            }
            var objective = solver.Objective();
            objective.SetCoefficient(t, 1);
            objective.SetMaximization();
            GlopSolvers.SolveOptimal(solver, "greedy-feasibility");
            var v = new double[mdp.StateCount];
            foreach (int u in _reach) v[u] = vars[u]!.SolutionValue();
            return (t.SolutionValue(), v);
        }

        private static void Accumulate(Dictionary<int, double> row, Mdp mdp, int sa, double sign)
        {
            var succ = mdp.Successors(sa);
            var prob = mdp.Probabilities(sa);
            for (int k = 0; k < succ.Length; k++)
                row[succ[k]] = (row.TryGetValue(succ[k], out var x) ? x : 0) + sign * prob[k];
        }
    }
}

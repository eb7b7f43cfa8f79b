using PowerTheory.Internal;
using Google.OrTools.LinearSolver;
using PowerTheory.Mdps;

namespace PowerTheory.Tests.Power;

/// <summary>
/// Test oracle: the γ → 1 limit on a stochastic MDP: the optimal gain g*(s) = max_π lim (1/T)·E Σ_{t&lt;T} r(s_t) = max_{d∈RSD(s)} dᵀr
/// from the multichain average-reward linear program (Puterman, Markov Decision Processes, §9.3):
/// minimise Σ_s g(s) subject to g(s) ≥ Σ_j T(j|s,a)·g(j) and g(s) + h(s) ≥ r(s) + Σ_j T(j|s,a)·h(j) for every (s,a);
/// its optimal g is g*. Solved with OR-Tools GLOP (tolerances tightened to 1e-10); the model is built once per block and
/// only the right-hand sides r(s) change between samples.
/// </summary>
internal sealed class MultichainGainLinearProgram : IDisposable
{
    private readonly Mdp _mdp;
    private readonly int _n;
    private Solver? _solver;
    private Variable[] _g = [];
    private Constraint[] _rewardRows = [];
    private bool _rebuildTight;

    public MultichainGainLinearProgram(Mdp mdp)
    {
        _mdp = mdp;
        _n = mdp.StateCount;
    }

    public void StartBlock()
    {
        Build(tight: true);
        _rebuildTight = false;
    }

    private void Build(bool tight)
    {
        _solver?.Dispose();
        _solver = GlopSolvers.Create("POWER at γ = 1 on a stochastic MDP");
        if (tight) _solver.SetSolverSpecificParametersAsString("primal_feasibility_tolerance:1e-10 dual_feasibility_tolerance:1e-10");
        var solver = _solver;
        int n = _n;
        _g = new Variable[n];
        var h = new Variable[n];
        for (int s = 0; s < n; s++)
        {
            _g[s] = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"g{s}");
            h[s] = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"h{s}");
        }
        _rewardRows = new Constraint[_mdp.StateActionCount];
        var coef = new Dictionary<int, double>();
        for (int s = 0; s < n; s++)
        {
            for (int sa = _mdp.FirstStateAction(s); sa < _mdp.FirstStateAction(s) + _mdp.ActionCount(s); sa++)
            {
                coef.Clear();
                coef[s] = 1.0;
                var succ = _mdp.Successors(sa);
                var prob = _mdp.Probabilities(sa);
                for (int k = 0; k < succ.Length; k++) coef[succ[k]] = (coef.TryGetValue(succ[k], out var c) ? c : 0) - prob[k];
                var gainRow = solver.MakeConstraint(0.0, double.PositiveInfinity);
                foreach (var (j, c) in coef) if (c != 0) gainRow.SetCoefficient(_g[j], c);
                var rewardRow = solver.MakeConstraint(0.0, double.PositiveInfinity);
                rewardRow.SetCoefficient(_g[s], 1.0);
                foreach (var (j, c) in coef) if (c != 0) rewardRow.SetCoefficient(h[j], c);
                _rewardRows[sa] = rewardRow;
            }
        }
        var objective = solver.Objective();
        for (int s = 0; s < n; s++) objective.SetCoefficient(_g[s], 1.0);
        objective.SetMinimization();
    }

    /// <summary>g*(s) for every state.</summary>
    public double[] Gains(ReadOnlySpan<double> r)
    {
        var value = new double[_n];
        if (_solver is null || _rebuildTight)
        {
            Build(tight: true);
            _rebuildTight = false;
        }
        for (int sa = 0; sa < _rewardRows.Length; sa++) _rewardRows[sa].SetLb(r[_mdp.StateOf(sa)]);
        var status = _solver!.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // GLOP can give up (ABNORMAL) with the tightened tolerances on larger models: retry this sample from scratch
            // with its default tolerances (the retry depends only on the sample, so reproducibility is kept).
            Build(tight: false);
            for (int sa = 0; sa < _rewardRows.Length; sa++) _rewardRows[sa].SetLb(r[_mdp.StateOf(sa)]);
            status = _solver!.Solve();
            _rebuildTight = true;
            if (status != Solver.ResultStatus.OPTIMAL)
                throw new InvalidOperationException($"the average-reward linear program ended with status {status} (expected OPTIMAL).");
        }
        for (int s = 0; s < _n; s++) value[s] = _g[s].SolutionValue();
        return value;
    }

    public void Dispose() => _solver?.Dispose();
}

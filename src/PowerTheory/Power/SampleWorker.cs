using PowerTheory.Solvers;
using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>One worker thread's state: the reward buffer, one solver per γ, the per-sample outputs and event buffers.
/// It turns one block of samples into that block's partial sums.</summary>
internal sealed class SampleWorker : IDisposable
{
    private readonly PowerRunPlan _plan;
    private readonly double[] _r;
    private readonly IRewardSolver[] _solvers;
    private readonly double[] _value;
    private readonly bool[] _optimal;
    private readonly double[] _x;
    private readonly EventScratch _scratch;

    public SampleWorker(PowerRunPlan plan)
    {
        _plan = plan;
        var mdp = plan.Mdp;
        _r = new double[mdp.StateCount];
        _solvers = plan.Gammas.Select(g => plan.Solvers.Create(mdp, g, plan.Options.TieTolerance)).ToArray();
        _value = new double[mdp.StateCount];
        _optimal = new bool[mdp.StateActionCount];
        _x = new double[Math.Max(1, plan.Slots.Moments)];
        _scratch = new EventScratch(mdp.StateCount);
    }

    /// <summary>Draws and solves samples <paramref name="first"/> … first + count − 1, which form block
    /// <paramref name="block"/>, into <paramref name="sums"/>.</summary>
    public void RunBlock(long block, int first, int count, BlockPartialSums sums)
    {
        var plan = _plan;
        var mdp = plan.Mdp;
        var slots = plan.Slots;
        int n = mdp.StateCount;
        var rng = BlockRandom.ForBlock(plan.Options.Seed, block);
        sums.Reset(count);
        foreach (var solver in _solvers) solver.Reset();
        for (int i = 0; i < count; i++)
        {
            plan.Rewards.Sample(rng, _r);
            double maxAbs = 0;
            for (int s = 0; s < n; s++)
            {
                if (!double.IsFinite(_r[s]))
                    throw new InvalidOperationException($"the reward distribution produced a non-finite reward {_r[s]} for state '{mdp.StateNames[s]}'.");
                maxAbs = Math.Max(maxAbs, Math.Abs(_r[s]));
            }
            if (maxAbs > MonteCarloLimits.MaxRewardMagnitude) MonteCarloLimits.Check(mdp, _r);
            if (maxAbs > plan.LargestSafeReward) ValueBounds.Check(mdp, _r, plan.WidestGamma, "sampled rewards");
            for (int g = 0; g < plan.Gammas.Length; g++)
            {
                _solvers[g].Solve(_r, _value, _optimal);
                var counts = sums.Counts[g];
                for (int sa = 0; sa < _optimal.Length; sa++)
                    if (_optimal[sa]) counts[slots.Action(sa)]++;
                for (int e = 0; e < plan.Events.Length; e++)
                    if (plan.Events[e].Holds(_optimal, _scratch)) counts[slots.Event(e)]++;
                if (slots.Moments == 0) continue;
                if (plan.ComputesPower)
                {
                    for (int s = 0; s < n; s++) _x[slots.Power(s)] = _value[s];
                    if (plan.Kept is not null) _value.AsSpan(0, n).CopyTo(plan.Kept[g].AsSpan((first + i) * n, n));
                }
                for (int c = 0; c < plan.Comparisons.Length; c++)
                {
                    var req = plan.Comparisons[c];
                    double xa = mdp.ExpectedValue(mdp.FirstStateAction(req.State) + req.Action, _value);
                    double xb = mdp.ExpectedValue(mdp.FirstStateAction(req.State) + req.OtherAction, _value);
                    _x[slots.Comparison(c, 0)] = xa;
                    _x[slots.Comparison(c, 1)] = xb;
                    _x[slots.Comparison(c, 2)] = xa - xb;
                }
                sums.Add(g, _x, i == 0);
            }
        }
        for (int g = 0; g < _solvers.Length; g++) sums.Certifications[g] = _solvers[g].TakeCertification();
    }

    public void Dispose()
    {
        foreach (var solver in _solvers) (solver as IDisposable)?.Dispose();
    }
}

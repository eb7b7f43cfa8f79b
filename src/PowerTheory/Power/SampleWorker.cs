using PowerTheory.Solvers;
using PowerTheory.MonteCarlo;
using PowerTheory.MonteCarlo.Sampling;

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
    private readonly double[] _u;          // Sobol: the current point
    private readonly double[] _z;          // adjusted: every slot's (y, c₁ … c_K)
    private readonly double[] _c1;         // covariates: c₁ of every state
    private readonly ControlVariatePlan.Scratch? _covariateScratch;

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
        var sampling = plan.Sampling;
        _u = sampling.Sobol ? new double[mdp.StateCount] : [];
        _z = new double[sampling.Covariates is null ? 0 : plan.Slots.Moments * sampling.Width];
        _c1 = new double[sampling.Covariates is null ? 0 : mdp.StateCount];
        _covariateScratch = sampling.Covariates?.NewScratch();
    }

    /// <summary>Draws and solves samples <paramref name="first"/> … first + count − 1, which form block
    /// <paramref name="block"/>, into <paramref name="sums"/>.</summary>
    public void RunBlock(long block, int first, int count, BlockPartialSums sums)
    {
        var plan = _plan;
        var mdp = plan.Mdp;
        var slots = plan.Slots;
        int n = mdp.StateCount;
        var sampling = plan.Sampling;
        var rng = sampling.Sobol ? null : BlockRandom.ForBlock(plan.Options.Seed, block);
        // Sobol: block b is the first B points of scramble b.
        var points = sampling.Sobol ? new ScrambledSobolPoints(n, plan.Options.Seed, block, sampling.PrecisionBits) : null;
        sums.Reset(count);
        foreach (var solver in _solvers) solver.Reset();
        for (int i = 0; i < count; i++)
        {
            if (points is null) plan.Rewards.Sample(rng!, _r);
            else
            {
                points.Next(_u);
                plan.Rewards.FromUniform(_u, _r);
            }
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
                if (sampling.Adjusted) AddAdjusted(g, sums, i == 0);
                else sums.Add(g, _x, i == 0);
            }
        }
        for (int g = 0; g < _solvers.Length; g++) sums.Certifications[g] = _solvers[g].TakeCertification();
    }

    /// <summary>Adds the sample's vectors z = (y, c₁, c₂) per moment slot: for POWER(s) the covariates c₁(s) and R(s),
    /// for a comparison their expectations after each action and the difference (<see cref="ControlVariatePlan"/>).</summary>
    private void AddAdjusted(int g, BlockPartialSums sums, bool first)
    {
        var plan = _plan;
        var slots = plan.Slots;
        var cv = plan.Sampling.Covariates;
        int d = plan.Sampling.Width;
        if (cv is null)
        {
            // Sobol replicates without covariates: z is the quantity itself, one per slot.
            sums.Vectors!.Add(g, _x, first);
            return;
        }
        var mdp = plan.Mdp;
        cv.Compute(plan.Gammas[g], _r, _c1, _covariateScratch!);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            int o = slots.Power(s) * d;
            _z[o] = _x[slots.Power(s)];
            _z[o + 1] = _c1[s];
            _z[o + 2] = _r[s];
        }
        for (int c = 0; c < plan.Comparisons.Length; c++)
        {
            var req = plan.Comparisons[c];
            int sa = mdp.FirstStateAction(req.State) + req.Action, sb = mdp.FirstStateAction(req.State) + req.OtherAction;
            double a1 = mdp.ExpectedValue(sa, _c1), b1 = mdp.ExpectedValue(sb, _c1);
            double a2 = mdp.ExpectedValue(sa, _r), b2 = mdp.ExpectedValue(sb, _r);
            Put(slots.Comparison(c, 0), a1, a2);
            Put(slots.Comparison(c, 1), b1, b2);
            Put(slots.Comparison(c, 2), a1 - b1, a2 - b2);
        }
        sums.Vectors!.Add(g, _z, first);

        void Put(int slot, double c1, double c2)
        {
            _z[slot * d] = _x[slot];
            _z[slot * d + 1] = c1;
            _z[slot * d + 2] = c2;
        }
    }

    public void Dispose()
    {
        foreach (var solver in _solvers) (solver as IDisposable)?.Dispose();
    }
}

using PowerTheory.MonteCarlo;
using PowerTheory.Solvers;

namespace PowerTheory.Power;

/// <summary>A POWER run's merged totals read as estimates, whichever estimator made them: the plain sample means of
/// <see cref="RunTotals"/>, or the cross-fitted, replicate-grouped estimates of <see cref="RegressionTotals"/> with
/// their variance reduction against plain sampling.</summary>
internal sealed class PowerTotals
{
    private readonly RunTotals? _plain;
    private readonly RegressionTotals? _adjusted;
    private readonly PowerSamplingPlan _sampling;

    public PowerTotals(PowerSamplingPlan sampling, int gammas, int moments, int counts)
    {
        _sampling = sampling;
        if (sampling.Adjusted) _adjusted = new RegressionTotals(gammas, moments, sampling.Width, counts, replicates: sampling.Sobol);
        else _plain = new RunTotals(gammas, moments, counts);
    }

    /// <summary>What the block scheduler merges into.</summary>
    public IBlockTotals Blocks => (IBlockTotals?)_plain ?? _adjusted!;

    public long Count => Blocks.Count;

    /// <summary>Independent units: samples, or scrambles for Sobol.</summary>
    public long Units => _adjusted?.Units ?? _plain!.Count;

    public bool StoppedAtTimeLimit => Blocks.StoppedAtTimeLimit;

    public SolveCertification[] Certifications => _plain?.Certifications ?? _adjusted!.Certifications;

    /// <summary>The estimate of moment slot <paramref name="slot"/> at γ index <paramref name="g"/> and its variance
    /// reduction against plain sampling (null for plain sampling).</summary>
    public (MonteCarloEstimate Estimate, double? VarianceReduction) Estimate(int g, int slot)
    {
        if (_plain is not null) return (_plain.Estimate(g, slot), null);
        int k = _sampling.Width - 1;
        var a = _adjusted!.Estimate(g, slot, _sampling.SlotMeans[g].AsSpan(slot * k, k));
        return (a.Estimate, a.VarianceReduction);
    }

    public MonteCarloEstimate Proportion(int g, int k) => _plain?.Proportion(g, k) ?? _adjusted!.Proportion(g, k);
}

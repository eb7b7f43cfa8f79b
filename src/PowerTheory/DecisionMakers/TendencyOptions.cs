using PowerTheory.Budgets;
using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>Options of a tendency run (see <see cref="TendencyEstimator"/>).</summary>
public sealed class TendencyOptions
{
    /// <summary>Reward samples N ≥ 2 (default 10,000).</summary>
    public int Samples { get; init; } = 10_000;

    /// <summary>The seed: with <see cref="Samples"/> and <see cref="BlockSize"/> it fixes every figure bit for bit,
    /// whatever the thread count.</summary>
    public ulong Seed { get; init; }

    /// <summary>Worker threads ≥ 1; null uses <see cref="Environment.ProcessorCount"/>.</summary>
    public int? Threads { get; init; }

    /// <summary>Samples per block; 0 (the default) uses the POWER engine's rule
    /// (<see cref="Power.PowerOptions.AutomaticBlockSize"/>), so both draw the same reward vectors.</summary>
    public int BlockSize { get; init; }

    /// <summary>The relative tie tolerance handed to the decision-makers (default 1e-9).</summary>
    public double TieTolerance { get; init; } = 1e-9;

    /// <summary>States to avoid: the run estimates the probability that each policy's long-run distribution from the
    /// state puts no mass on them (e.g. a shutdown state). Empty: no avoidance figure.</summary>
    public IReadOnlyList<int> Avoid { get; init; } = [];

    /// <summary>Estimate POWER^pol for every state (default true).</summary>
    public bool ComputePower { get; init; } = true;

    /// <summary>The budget of the symmetry searches for the theorems' certificates: its seconds are shared by all of the run's
    /// searches and never exceed what is left of <see cref="TimeLimit"/> (null: no certificate is searched).</summary>
    public SearchBudget? CertificateBudget { get; init; } = SearchBudget.Default;

    /// <summary>The family-wise error rate α of the run's verdicts, in (0, 0.5] (default 0.05): the chance that any
    /// verdict of the run rests on noise is at most α (see <see cref="TendencySignificance"/>).</summary>
    public double FamilyWiseErrorRate { get; init; } = TendencySignificance.DefaultFamilyWiseErrorRate;

    /// <summary>Receives progress after each wave of blocks.</summary>
    public IProgress<MonteCarloProgress>? Progress { get; init; }

    /// <summary>A wall-time limit for the whole call (null: none), with the meaning of
    /// <see cref="Power.PowerOptions.TimeLimit"/>: the result then holds the finished prefix of blocks and says so
    /// (<see cref="TendencyResult.StoppedAtTimeLimit"/>, <see cref="TendencyResult.Samples"/>).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Cancels the run.</summary>
    public CancellationToken CancellationToken { get; init; }
}

namespace PowerTheory.Power;

/// <summary>How a target-accuracy run ended (<see cref="PowerOptions.TargetStandardError"/>,
/// <see cref="PowerOptions.TargetCi95HalfWidth"/>).</summary>
/// <param name="TargetStandardError">The standard-error target, if that was the target.</param>
/// <param name="TargetCi95HalfWidth">The 95%-half-width target, if that was the target.</param>
/// <param name="Met">True when every target quantity met the target; false when the cap (<see cref="PowerOptions.Samples"/>)
/// or the time limit came first.</param>
/// <param name="Stages">Stages run, the pilot included (docs/power.md, "Target accuracy").</param>
/// <param name="WorstStandardError">The largest standard error over the target quantities at the end.</param>
/// <param name="WorstCi95HalfWidth">The largest 95% half-width over the target quantities at the end.</param>
/// <param name="WorstQuantity">Which quantity had the largest standard error (relative to the target), e.g.
/// <c>POWER(s3) at γ = 0.9</c>.</param>
public sealed record AccuracyReport(double? TargetStandardError, double? TargetCi95HalfWidth, bool Met, int Stages,
    double WorstStandardError, double WorstCi95HalfWidth, string WorstQuantity);

using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>The estimated optimality probability P_D(F,γ) of a user-given <see cref="OptimalityEvent"/> at one γ.</summary>
/// <param name="Event">The event.</param>
/// <param name="Gamma">The discount γ.</param>
/// <param name="Probability">The estimate (fraction of samples in which the event held) with its standard error.</param>
public sealed record EventProbability(OptimalityEvent Event, double Gamma, MonteCarloEstimate Probability);

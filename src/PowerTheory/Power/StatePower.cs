using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>The estimated POWER_D(s,γ) of one state at one γ.</summary>
/// <param name="State">The state index s.</param>
/// <param name="Name">The state name.</param>
/// <param name="Power">The estimate with standard error, sample count and 95% interval.</param>
public sealed record StatePower(int State, string Name, MonteCarloEstimate Power);

using PowerTheory.MonteCarlo;

namespace PowerTheory.Power;

/// <summary>The estimated optimality probability P_D(s,a,γ) of one action at one γ: the fraction of reward samples
/// in which some optimal policy takes a at s (see docs/power.md for ties and the endpoints).</summary>
/// <param name="State">The state index s.</param>
/// <param name="StateName">The state name.</param>
/// <param name="Action">The action index a (within s's actions).</param>
/// <param name="ActionName">The action name.</param>
/// <param name="Probability">The estimate with its standard error √(p̂(1−p̂)/(N−1)).</param>
public sealed record ActionOptimality(int State, string StateName, int Action, string ActionName, MonteCarloEstimate Probability);

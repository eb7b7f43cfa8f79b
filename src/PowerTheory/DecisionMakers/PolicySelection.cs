namespace PowerTheory.DecisionMakers;

/// <summary>A user-supplied policy-selection function pol(R, γ): write π(a|s) for every global state-action index into
/// <paramref name="policy"/> given the reward vector <paramref name="rewards"/> (see <see cref="PolicyChooser.Choose"/>).
/// It must be thread-safe (it is called from several worker threads) and draw randomness only from
/// <paramref name="random"/>.</summary>
public delegate void PolicySelection(DecisionContext context, ReadOnlySpan<double> rewards, Random random, Span<double> policy);

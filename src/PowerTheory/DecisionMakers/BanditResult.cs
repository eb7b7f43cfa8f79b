using PowerTheory.MonteCarlo;

namespace PowerTheory.DecisionMakers;

/// <summary>The simulated ε-greedy bandit (see <see cref="EpsilonGreedyBandit"/>).</summary>
/// <param name="Arms">k.</param>
/// <param name="Trials">T.</param>
/// <param name="Epsilon">ε.</param>
/// <param name="Success">P(the final choice is the best arm), with its standard error.</param>
/// <param name="SuccessBound">Lemma C.1's lower bound 1 − (1 − ε/(k−1))^T.</param>
/// <param name="ChoosesOthers">P(the final choice is not arm a₁).</param>
/// <param name="RetargetBound">Prop. C.2's orbit fraction (k−1)/k for {a₂ … a_k} over {a₁}.</param>
public sealed record BanditResult(int Arms, int Trials, double Epsilon, MonteCarloEstimate Success, double SuccessBound,
    MonteCarloEstimate ChoosesOthers, double RetargetBound);

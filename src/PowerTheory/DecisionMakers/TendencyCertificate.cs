namespace PowerTheory.DecisionMakers;

/// <summary>A symmetry certificate shown beside a measured tendency: the theorem, its statement, the number n of
/// certified copies and the bound n/(n+1) it implies (null when the theorem gives no number).</summary>
/// <param name="Theorem">The theorem, e.g. "OPTSP Cor 6.14 / PRDM Cor D.12".</param>
/// <param name="Statement">What it says about this MDP.</param>
/// <param name="N">The certified n (0: not certified).</param>
/// <param name="Bound">n/(n+1), the certified lower bound on the fraction of every reward orbit (hence, for IID reward
/// laws, on the probability) for which average-optimal play favours the predicted side; null when not certified.</param>
/// <param name="Summary">The certificate's one-line summary (why it holds or not).</param>
public sealed record TendencyCertificate(string Theorem, string Statement, int N, double? Bound, string Summary);

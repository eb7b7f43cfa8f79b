namespace PowerTheory.Polytope;

/// <summary>
/// One non-dominated element in a <see cref="VertexReport"/>: the JSON object
/// <c>{"policy":{"s":"a",...},"visits":{"s":x,...}}</c> of docs/cli.md, plus its certificate.
/// </summary>
/// <param name="Policy">The policy on the states it reaches from the start (state name → action name, in the order first
/// reached); nothing else affects the visits.</param>
/// <param name="Visits">The non-zero entries of f(γ) (discounted) or of the recurrent state distribution d (average),
/// state name → value, in state order.</param>
/// <param name="Witness">A reward vector (state name → value, every state) for which this element is the unique optimum.</param>
/// <param name="Margin">The certified margin of the witness: the action gap of <see cref="NonDominatedVertex.ActionGap"/>
/// (discounted) or the LP margin min_{d'≠d}(d − d')·r of <see cref="NonDominationResult.Margin"/> (average); null when it is
/// unbounded because there is nothing to beat (a single element, e.g. a terminal state), so that JSON never holds ∞.</param>
public sealed record VertexReportEntry(
    IReadOnlyDictionary<string, string> Policy,
    IReadOnlyDictionary<string, double> Visits,
    IReadOnlyDictionary<string, double> Witness,
    double? Margin);

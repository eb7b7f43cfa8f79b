using System.Globalization;

namespace PowerTheory.Retargeting;

/// <summary>
/// The comparison that orbit counting and retargetability are about (docs/theory.md §1.7, §3.2): options C ⊂ ℝ^d, two
/// sets A, B ⊆ C, a decision rule f and optionally a parameter set Θ ⊆ ℝ^d given by a membership predicate. For a
/// parameter θ it compares f(B | C, θ) with f(A | C, θ), exactly for the built-in rules (<see cref="Compare"/>).
/// </summary>
public sealed class RetargetingQuestion
{
    private readonly Func<IReadOnlyList<double>, bool>? _theta;
    private readonly bool _basisOnly;
    private long _uncertain;

    /// <summary>Creates the question.</summary>
    /// <param name="options">C.</param>
    /// <param name="a">A ⊆ C.</param>
    /// <param name="b">B ⊆ C.</param>
    /// <param name="rule">f.</param>
    /// <param name="theta">Membership in Θ; null for Θ = ℝ^d.</param>
    /// <param name="thetaName">A display name for Θ (default "R^d" or "custom").</param>
    /// <exception cref="ArgumentException">The dimensions differ, or a lottery of A or B is not in C (named).</exception>
    public RetargetingQuestion(LotterySet options, LotterySet a, LotterySet b, IDecisionRule rule,
        Func<IReadOnlyList<double>, bool>? theta = null, string? thetaName = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rule);
        CheckSubset(a, options, "A", nameof(a));
        CheckSubset(b, options, "B", nameof(b));
        Options = options;
        A = a;
        B = b;
        Rule = rule;
        _theta = theta;
        ThetaName = thetaName ?? (theta is null ? "R^d" : "custom");
        _basisOnly = options.Items.All(x => x.IsBasis);
    }

    private static void CheckSubset(LotterySet subset, LotterySet options, string name, string paramName)
    {
        if (subset.Dimension != options.Dimension)
            throw new ArgumentException($"{name} has dimension {subset.Dimension} but C has {options.Dimension}.", paramName);
        for (int i = 0; i < subset.Count; i++)
            if (!options.Contains(subset.Items[i]))
                throw new ArgumentException($"{name}'s lottery {i} ({subset.Items[i].Label}) is not in C; expected {name} ⊆ C.", paramName);
    }

    /// <summary>A question about basis lotteries: C = {e_0, …, e_{d−1}}, A = {e_i : i ∈ a}, B = {e_i : i ∈ b}.</summary>
    public static RetargetingQuestion OverBasis(int dimension, IEnumerable<int> a, IEnumerable<int> b, IDecisionRule rule,
        Func<IReadOnlyList<double>, bool>? theta = null, string? thetaName = null) =>
        new(LotterySet.OfBasis(dimension, Enumerable.Range(0, dimension)), LotterySet.OfBasis(dimension, a),
            LotterySet.OfBasis(dimension, b), rule, theta, thetaName);

    /// <summary>C.</summary>
    public LotterySet Options { get; }

    /// <summary>A.</summary>
    public LotterySet A { get; }

    /// <summary>B.</summary>
    public LotterySet B { get; }

    /// <summary>f.</summary>
    public IDecisionRule Rule { get; }

    /// <summary>The display name of Θ.</summary>
    public string ThetaName { get; }

    /// <summary>True when Θ is all of ℝ^d (no predicate).</summary>
    public bool ThetaIsEverything => _theta is null;

    /// <summary>d.</summary>
    public int Dimension => Options.Dimension;

    /// <summary>θ ∈ Θ.</summary>
    public bool InTheta(IReadOnlyList<double> theta) => _theta is null || _theta(theta);

    /// <summary>f(X | C, θ).</summary>
    public double Evaluate(LotterySet chosen, ReadOnlySpan<double> theta) => Rule.Evaluate(chosen, Options, theta);

    /// <summary>
    /// The sign of f(B|θ) − f(A|θ): +1 when B wins, −1 when A wins, 0 on a tie. For a rule that implements
    /// <see cref="IExactDecisionRule"/> (every built-in rule) the sign is decided exactly: a tie is a tie of real numbers,
    /// not of two roundings (docs/theory.md §3.3). Only when the doubles are far apart (relative gap above 10⁻⁹, with
    /// every lottery of C a basis vector so that the utilities themselves are exact) is the double comparison used, as it
    /// cannot be wrong there. A comparison the rule cannot certify is counted in <see cref="UncertainComparisons"/>.
    /// </summary>
    /// <exception cref="ArgumentException">θ does not have d entries.</exception>
    /// <exception cref="InvalidOperationException">The rule returned NaN (named with θ).</exception>
    public int Compare(ReadOnlySpan<double> theta)
    {
        if (theta.Length != Dimension)
            throw new ArgumentException($"θ has {theta.Length} entries but the lotteries have d = {Dimension}.", nameof(theta));
        double fb = Rule.Evaluate(B, Options, theta), fa = Rule.Evaluate(A, Options, theta);
        if (double.IsNaN(fa) || double.IsNaN(fb))
            throw new InvalidOperationException(
                $"decision rule {Rule.Name} returned NaN at θ = ({string.Join(",", theta.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}).");
        if (Rule is IExactDecisionRule exact)
        {
            double scale = Math.Max(1, Math.Max(Math.Abs(fa), Math.Abs(fb)));
            if (!(_basisOnly && Math.Abs(fb - fa) > 1e-9 * scale))
            {
                if (exact.CompareExactly(B, A, Options, theta) is { } sign) return sign;
                Interlocked.Increment(ref _uncertain);
            }
        }
        return fb > fa ? 1 : fb < fa ? -1 : 0;
    }

    /// <summary>How many comparisons so far the rule could not certify (decided by the double values, which agreed to
    /// within their rounding error); 0 for the built-in level-based rules, which are always exact.</summary>
    public long UncertainComparisons => Interlocked.Read(ref _uncertain);
}

using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Retargeting;

/// <summary>PRDM's three-outcome toy (docs/theory.md §3.4, §4.3): outcomes ghost = 0, apple = 1, cherry = 2 as basis
/// lotteries, C = all three, A = {ghost}, B = {apple, cherry}.</summary>
internal static class PacMan
{
    public static readonly double[] Theta = [10, 5, 0];

    /// <summary>The six utility vectors in the order of PRDM Table 2 (ghost, apple, cherry).</summary>
    public static readonly double[][] TableOrder =
    [
        [10, 5, 0], [10, 0, 5], [5, 10, 0], [5, 0, 10], [0, 10, 5], [0, 5, 10],
    ];

    public static LotterySet All => LotterySet.OfBasis(3, [0, 1, 2]);

    public static RetargetingQuestion Question(IDecisionRule rule) => RetargetingQuestion.OverBasis(3, [0], [1, 2], rule);

    public static IDecisionRule[] RulesWithNTwo =>
        [new IsOptimalRule(), new AntiOptimalRule(), new BoltzmannRule(1), new SatisficeRule(3)];
}

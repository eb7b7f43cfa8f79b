using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Retargeting;

/// <summary>The built-in decision rules against PRDM Table 2's values (docs/theory.md §4.3) and direct formulas.</summary>
public class DecisionRuleTests
{
    private static readonly LotterySet GhostApple = LotterySet.OfBasis(3, [0, 1]);
    private static readonly LotterySet Cherry = LotterySet.OfBasis(3, [2]);

    private static double[] OverTable(IDecisionRule rule, LotterySet x) =>
        [.. PacMan.TableOrder.Select(u => rule.Evaluate(x, PacMan.All, u))];

    [Test]
    public void IsOptimalAntiOptAndSatisficeMatchTable2()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OverTable(new IsOptimalRule(), GhostApple), Is.EqualTo(new double[] { 1, 1, 1, 0, 1, 0 }));
            Assert.That(OverTable(new AntiOptimalRule(), GhostApple), Is.EqualTo(new double[] { 0, 1, 0, 1, 1, 1 }));
            Assert.That(OverTable(new SatisficeRule(3), GhostApple), Is.EqualTo(new[] { 1, .5, 1, .5, .5, .5 }));
            Assert.That(OverTable(new SatisficeRule(3), Cherry), Is.EqualTo(new[] { 0, .5, 0, .5, .5, .5 }));
        });
    }

    [Test]
    public void BoltzmannMatchesTable2AndTheDirectFormula()
    {
        var rule = new BoltzmannRule(1);
        double z = Math.Exp(10) + Math.Exp(5) + 1;
        Assert.Multiple(() =>
        {
            Assert.That(rule.Evaluate(GhostApple, PacMan.All, [10, 0, 5]), Is.EqualTo(0.99331).Within(5e-6));
            Assert.That(rule.Evaluate(GhostApple, PacMan.All, [10, 0, 5]), Is.EqualTo((Math.Exp(10) + 1) / z).Within(1e-15));
            Assert.That(rule.Evaluate(GhostApple, PacMan.All, [10, 5, 0]), Is.EqualTo((Math.Exp(10) + Math.Exp(5)) / z).Within(1e-15));
            Assert.That(rule.Evaluate(Cherry, PacMan.All, [10, 0, 5]), Is.EqualTo(0.00669).Within(5e-6));
            // T = 2 divides: e^{u/2}.
            Assert.That(new BoltzmannRule(2).Evaluate(Cherry, PacMan.All, [10, 0, 5]),
                Is.EqualTo(Math.Exp(2.5) / (Math.Exp(5) + 1 + Math.Exp(2.5))).Within(1e-15));
        });
    }

    [Test]
    public void BoltzmannIsStableForHugeUtilities()
    {
        // e^{1000} overflows a double; subtracting the max keeps the ratio exact: e^0 / (e^0 + e^{-1} + e^{-1000}).
        double p = new BoltzmannRule(1).Evaluate(LotterySet.OfBasis(3, [0]), PacMan.All, [1000, 999, 0]);
        Assert.That(p, Is.EqualTo(1 / (1 + Math.Exp(-1))).Within(1e-15));
    }

    [Test]
    public void FracOptimalSplitsTiesUniformly()
    {
        var all = LotterySet.OfBasis(4, [0, 1, 2, 3]);
        var rule = new FracOptimalRule();
        Assert.Multiple(() =>
        {
            Assert.That(rule.Evaluate(LotterySet.OfBasis(4, [0, 3]), all, [5, 5, 5, 1]), Is.EqualTo(1.0 / 3));
            Assert.That(rule.Evaluate(LotterySet.OfBasis(4, [0, 1]), all, [5, 5, 5, 1]), Is.EqualTo(2.0 / 3));
            Assert.That(rule.Evaluate(LotterySet.OfBasis(4, [3]), all, [5, 5, 5, 1]), Is.EqualTo(0.0));
        });
    }

    [Test]
    public void NonBasisLotteriesUseExpectedUtility()
    {
        // x = (0.5, 0.5, 0) has utility 7.5 under (10, 5, 0): not optimal against e_ghost (10), but the best of the rest.
        var mixed = new OutcomeLottery([0.5, 0.5, 0], "mix");
        var options = new LotterySet([OutcomeLottery.Basis(3, 0), mixed, OutcomeLottery.Basis(3, 2)], 3);
        var chosen = new LotterySet([mixed], 3);
        Assert.Multiple(() =>
        {
            Assert.That(mixed.ExpectedUtility([10, 5, 0]), Is.EqualTo(7.5));
            Assert.That(new IsOptimalRule().Evaluate(chosen, options, [10, 5, 0]), Is.EqualTo(0.0));
            Assert.That(new IsOptimalRule().Evaluate(chosen, options, [0, 10, 5]), Is.EqualTo(1.0));
            Assert.That(new SatisficeRule(7.5).Evaluate(chosen, options, [10, 5, 0]), Is.EqualTo(0.5));
        });
    }

    [Test]
    public void BadParametersAndSetsAreRefusedWithTheirNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new BoltzmannRule(0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("temperature T"));
            Assert.That(() => new BestOfKRule(0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("k ≥ 1"));
            Assert.That(() => new UniformQuantiliserRule(1.5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("(0, 1]"));
            Assert.That(() => new SatisficeRule(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new LotterySet([OutcomeLottery.Basis(3, 1), OutcomeLottery.Basis(3, 1)], 3),
                Throws.ArgumentException.With.Message.Contains("lottery 1 (e1) repeats lottery 0"));
            Assert.That(() => new OutcomeLottery([1, double.NaN]), Throws.ArgumentException.With.Message.Contains("entry 1"));
            // A valid question is built with exactly the sets asked for, and answers on a known θ: at θ = (1, 5, 0) the
            // optimal rule picks e1, so B = {e1} beats A = {e0}; at θ = (5, 1, 0) A wins; at (3, 3, 0) they tie.
            var question = RetargetingQuestion.OverBasis(3, [0], [1], new IsOptimalRule());
            Assert.That((question.A.ToString(), question.B.ToString(), question.Options.Count), Is.EqualTo(("{e0}", "{e1}", 3)));
            Assert.That(new[] { question.Compare([1, 5, 0]), question.Compare([5, 1, 0]), question.Compare([3, 3, 0]) }, Is.EqualTo(new[] { 1, -1, 0 }));
            Assert.That(() => new RetargetingQuestion(LotterySet.OfBasis(3, [0, 1]), LotterySet.OfBasis(3, [0]),
                    LotterySet.OfBasis(3, [2]), new IsOptimalRule()),
                Throws.ArgumentException.With.Message.Contains("B's lottery 0 (e2) is not in C"));
        });
    }
}

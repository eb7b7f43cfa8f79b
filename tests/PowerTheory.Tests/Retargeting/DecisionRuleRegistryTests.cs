using PowerTheory.Retargeting;

namespace PowerTheory.Tests.Retargeting;

/// <summary>The decision-rule registry is the one list: every form parses (with a valid value) to its rule type, the
/// unknown-rule error and the forms text name every entry, and range checks refuse bad values.</summary>
public class DecisionRuleRegistryTests
{
    [TestCase("optimal", typeof(IsOptimalRule))]
    [TestCase("fracoptimal", typeof(FracOptimalRule))]
    [TestCase("antiopt", typeof(AntiOptimalRule))]
    [TestCase("boltzmann:T=0.5", typeof(BoltzmannRule))]
    [TestCase("satisfice:t=3", typeof(SatisficeRule))]
    [TestCase("best-of:k=2", typeof(BestOfKRule))]
    [TestCase("quantiliser:q=0.5", typeof(UniformQuantiliserRule))]
    public void EveryEntryParses(string spec, Type expected) => Assert.That(DecisionRuleSpec.Parse(spec), Is.TypeOf(expected));

    [Test]
    public void TheListIsTheRegistry()
    {
        Assert.That(DecisionRuleRegistry.All.Select(e => e.Name), Is.Unique);
        Assert.That(DecisionRuleRegistry.All, Has.Count.EqualTo(7), "a new rule needs a case in EveryEntryParses");
        var e = Assert.Throws<FormatException>(() => DecisionRuleSpec.Parse("softmax"))!;
        foreach (var entry in DecisionRuleRegistry.All)
        {
            Assert.That(DecisionRuleSpec.Forms, Does.Contain(entry.Form));
            Assert.That(e.Message, Does.Contain(entry.Form));
        }
    }

    [TestCase("boltzmann:T=-1", "must be positive")]
    [TestCase("best-of:k=0", "whole number of draws")]
    [TestCase("quantiliser:q=0", "must be in (0, 1]")]
    [TestCase("antiopt:x=1", "takes no parameter")]
    [TestCase("satisfice", "needs t=<number>")]
    public void BadValuesAreRefused(string spec, string fragment) =>
        Assert.That(Assert.Throws<FormatException>(() => DecisionRuleSpec.Parse(spec))!.Message, Does.Contain(fragment));
}

using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Internal;
using PowerTheory.Retargeting;
using PowerTheory.Rewards;

namespace PowerTheory.Tests.Internal;

/// <summary>The one grammar of named specs, and that environments, decision-makers, decision rules and keyed reward
/// laws all read it (the same text means the same thing; the same mistake gets the same message).</summary>
public class NamedSpecTests
{
    [TestCase("open", "open", new string[0])]
    [TestCase(" Open:rows=3,cols=4 ", "open", new[] { "rows=3", "cols=4" })]
    [TestCase("aup:lambda=0.5:aux=3", "aup", new[] { "lambda=0.5", "aux=3" })]
    [TestCase("best-of: k = 2", "best-of", new[] { "k=2" })]
    public void ParsesTheNameAndThePairsInOrder(string text, string name, string[] pairs)
    {
        var spec = NamedSpec.Parse(text);
        Assert.That(spec.Name, Is.EqualTo(name));
        Assert.That(spec.Arguments.Select(a => $"{a.Key}={a.Value}"), Is.EqualTo(pairs));
    }

    [TestCase(":k=1", "the name is missing")]
    [TestCase("open:rows", "'rows' is not KEY=VALUE")]
    [TestCase("open:rows=", "'rows=' is not KEY=VALUE")]
    [TestCase("open:=3", "'=3' is not KEY=VALUE")]
    [TestCase("open:rows=3,,cols=4", "'' is not KEY=VALUE")]
    [TestCase("open:rows=3,ROWS=4", "'ROWS' is given twice")]
    public void RefusesMalformedSpecsInOneStyle(string text, string what)
    {
        var e = Assert.Throws<FormatException>(() => NamedSpec.Parse(text));
        Assert.That(e!.Message, Does.StartWith($"'{text.Trim()}': {what}"));
    }

    [Test]
    public void ListsContinueTheSpecBeforeAPairOnly()
    {
        Assert.That(NamedSpec.SplitList("aup:lambda=0.5,aux=3,random,boltzmann:T=1", "decision-maker"),
            Is.EqualTo(new[] { "aup:lambda=0.5,aux=3", "random", "boltzmann:T=1" }));
        Assert.That(() => NamedSpec.SplitList("T=1,random", "decision-maker"), Throws.TypeOf<FormatException>().With.Message.Contains("starts with 'T=1'"));
        Assert.That(() => NamedSpec.SplitList("random,,optimal", "decision-maker"), Throws.TypeOf<FormatException>().With.Message.Contains("empty entry"));
    }

    [Test]
    public void EveryKindOfSpecReportsTheSameMistakeTheSameWay()
    {
        string Message(Action parse) => Assert.Catch(() => parse())!.Message;
        Assert.That(Message(() => BuiltInEnvironments.Create("open:rows=3,rows=4")), Does.Contain("'rows' is given twice"));
        Assert.That(Message(() => DecisionMakerSpec.Parse("boltzmann:T=1,T=2")), Does.Contain("'T' is given twice"));
        Assert.That(Message(() => RewardSpecParser.ParseLaw("beta:a=1,a=2")), Does.Contain("'a' is given twice"));
        Assert.That(Message(() => BuiltInEnvironments.Create("open:rows")), Does.Contain("'rows' is not KEY=VALUE"));
        Assert.That(Message(() => DecisionMakerSpec.Parse("boltzmann:T")), Does.Contain("'T' is not KEY=VALUE"));
    }

    [Test]
    public void KeysAreCaseInsensitiveAndPairsMaySeparateWithColonsEverywhere()
    {
        Assert.That(BuiltInEnvironments.Create("open:Rows=3:cols=4"), Is.EqualTo(BuiltInEnvironments.Create("open:rows=3,cols=4")));
        Assert.That(DecisionRuleSpec.Parse("boltzmann:t=2").Name, Is.EqualTo(DecisionRuleSpec.Parse("boltzmann:T=2").Name));
    }

    [TestCase("beta:a=2,b=5", "beta(2,5)")]
    [TestCase("normal:sd=2,mean=1", "normal(1,2)")]
    [TestCase("triangular:lower=0,upper=1,mode=0.25", "triangular(0,1,0.25)")]
    [TestCase("uniform:a=-1:b=1", "uniform(-1,1)")]
    public void AKeyedLawIsTheFunctionalLawWithItsArgumentsInSignatureOrder(string keyed, string functional)
    {
        // An independent check: the two forms draw the same numbers from the same stream.
        var a = RewardSpecParser.ParseLaw(keyed);
        var b = RewardSpecParser.ParseLaw(functional);
        var ra = new Random(11);
        var rb = new Random(11);
        for (int i = 0; i < 20; i++) Assert.That(a.Sample(ra), Is.EqualTo(b.Sample(rb)), $"draw {i} of {keyed}");
    }

    [TestCase("beta:a=2", "b is missing")]
    [TestCase("beta:a=2,b=5,c=1", "no parameter 'c'")]
    [TestCase("beta:a=two,b=5", "a must be a number")]
    public void AKeyedLawWithAMissingUnknownOrBadKeyIsRefused(string keyed, string what) =>
        Assert.That(() => RewardSpecParser.ParseLaw(keyed), Throws.TypeOf<RewardSpecException>().With.Message.Contains(what));
}

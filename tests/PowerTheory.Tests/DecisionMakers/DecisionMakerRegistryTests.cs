using PowerTheory.DecisionMakers;
using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>The decision-maker registry is the one list: every entry's example parses to a decision-maker of that
/// name, the names are unique, and the CLI's help text and the parser's error name exactly the registered ones.</summary>
public class DecisionMakerRegistryTests
{
    [Test]
    public void EveryExampleParsesToItsEntry()
    {
        Assert.That(DecisionMakerRegistry.All.Select(e => e.Name), Is.Unique);
        foreach (var entry in DecisionMakerRegistry.All)
        {
            var maker = DecisionMakerSpec.Parse(entry.Example);
            Assert.That(maker.Name.Split(':')[0], Is.EqualTo(entry.Name), entry.Example);
            Assert.That(entry.Summary, Is.Not.Empty);
        }
        Assert.That(DecisionMakerSpec.Names, Is.EqualTo(DecisionMakerRegistry.All.Select(e => e.Name)));
    }

    [Test]
    public void HelpAndErrorsListTheRegistry()
    {
        var help = CliRun.Of("tendencies", "--help").Out.Replace("\n", " ");
        var squeezed = string.Join(" ", help.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.That(squeezed, Does.Contain(DecisionMakerSpec.Examples));
        foreach (var entry in DecisionMakerRegistry.All) Assert.That(DecisionMakerSpec.Examples, Does.Contain(entry.Example));
        var error = Assert.Throws<FormatException>(() => DecisionMakerSpec.Parse("no-such-agent"))!;
        Assert.That(error.Message, Does.EndWith($"known: {string.Join(", ", DecisionMakerRegistry.All.Select(e => e.Name))}."));
        Assert.That(DecisionMakerSpec.Reference.Split('\n').Count(l => !l.StartsWith(' ')), Is.EqualTo(DecisionMakerRegistry.All.Count));
    }

    [TestCase("aup:lambda=0.5,aux=3", "aup:lambda=0.5:aux=3")]
    [TestCase("qlearning:episodes=20,alpha=0.3,eps=0.5", "qlearning:episodes=20:alpha=0.3:eps=0.5")]
    public void TheEnvironmentGrammarReadsTheSame(string commas, string colons)
    {
        Assert.That(DecisionMakerSpec.Parse(commas).Name, Is.EqualTo(DecisionMakerSpec.Parse(colons).Name));
        var list = DecisionMakerSpec.ParseList($"{commas},random,boltzmann:T=0.2");
        Assert.That(list.Select(d => d.Name), Is.EqualTo(new[] { DecisionMakerSpec.Parse(colons).Name, "random", "boltzmann:T=0.2" }));
        Assert.Throws<FormatException>(() => DecisionMakerSpec.ParseList("T=0.1,boltzmann"));
    }
}

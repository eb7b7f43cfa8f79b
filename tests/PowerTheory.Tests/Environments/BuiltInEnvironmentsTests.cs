using System.Text.RegularExpressions;
using PowerTheory.Environments;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.Environments;

/// <summary>The registry of built-in environments.</summary>
public class BuiltInEnvironmentsTests
{
    private static IEnumerable<string> Names() => BuiltInEnvironments.Names;

    [Test]
    public void NamesAreUniqueKebabCaseAndIncludeTheDocumentedOnes()
    {
        Assert.That(BuiltInEnvironments.Names, Is.Unique);
        foreach (var name in BuiltInEnvironments.Names)
            Assert.That(Regex.IsMatch(name, "^[a-z0-9]+(-[a-z0-9]+)*$"), Is.True, name);
        Assert.That(BuiltInEnvironments.Names,
            Is.SupersetOf(new[] { "optsp-fig1", "grid3", "maze7", "map20", "gamble-or-safe" }));
    }

    [TestCaseSource(nameof(Names))]
    public void EachCreatesANamedMdpThatRoundTripsThroughJson(string name)
    {
        var mdp = BuiltInEnvironments.Create(name);
        Assert.That(mdp.Name, Is.EqualTo(name));
        Assert.That(mdp.StateCount, Is.GreaterThan(0));
        Assert.That(MdpJson.Parse(MdpJson.ToJson(mdp)).Mdp, Is.EqualTo(mdp));
        Assert.That(BuiltInEnvironments.Get(name).Description, Is.Not.Empty);
    }

    [Test]
    public void FactoriesMatchTheirSources()
    {
        Assert.That(BuiltInEnvironments.Create("optsp-fig1"), Is.EqualTo(PaperMdps.OptspFigure1()));
        Assert.That(BuiltInEnvironments.Create("gamble-or-safe"), Is.EqualTo(PaperMdps.GambleOrSafe()));
        Assert.That(BuiltInEnvironments.Create("maze7").StateCount, Is.EqualTo(31));
        Assert.That(BuiltInEnvironments.Create("map20").StateCount, Is.EqualTo(220));
        Assert.That(BuiltInEnvironments.Create("grid3").StateCount, Is.EqualTo(9));
    }

    [Test]
    public void UnknownNameIsRejectedWithTheKnownNames()
    {
        Assert.That(BuiltInEnvironments.TryGet("pacman", out _), Is.False);
        var e = Assert.Throws<ArgumentException>(() => BuiltInEnvironments.Get("pacman"));
        Assert.That(e!.Message, Does.Contain("'pacman'").And.Contain("optsp-fig1"));
    }
}

using PowerTheory.IO.Formats;
using PowerTheory.Mdps;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>One JSON reader (<see cref="JsonTree"/>) under every JSON-based format: the canonical MDP format, gym-P
/// tables, reward files and the format sniffing all read the same way — comments and trailing commas allowed, repeated
/// keys refused at any depth, and every error naming the field and the line.</summary>
public class JsonReaderTests
{
    private const string Good = """
        {
          // a comment
          "states": ["a", "b"],
          "transitions": { "a": { "go": "b", "stay": "a" }, "b": { "stay": "b" }, },
        }
        """;

    [Test]
    public void CommentsAndTrailingCommasAreReadAlike()
    {
        var mdp = MdpJson.Parse(Good).Mdp;
        Assert.That(mdp.StateNames, Is.EqualTo(new[] { "a", "b" }));
        var entries = RewardVectorFile.Parse("{ \"a\": 1, // one\n \"b\": 2, }");
        Assert.That(entries, Is.EqualTo(new[] { ("a", 1.0), ("b", 2.0) }));
    }

    [TestCase("{\"states\":[\"a\"],\n\"transitions\":{\"a\":{\"stay\":\"a\"}},\n\"gamma\":\"high\"}", 3, "gamma")]
    [TestCase("{\"states\":[\"a\"],\n\"transitions\":{\"a\":\n{\"stay\":7}}}", 3, "transitions.a.stay")]
    [TestCase("{\"states\":[\"a\", 3],\n\"transitions\":{}}", 1, "states[1]")]
    [TestCase("{\"states\":[\"a\"],\n\"transitions\":{\"a\":{\"stay\":\"a\"}},\n\n\"rewards\":{\"a\":\"x\"}}", 4, "rewards.a")]
    [TestCase("{\"states\":[\"a\"],\n\"transitions\":{\"a\":{\"stay\":\"a\"}},\n\"colour\":1}", 3, "colour")]
    public void ACanonicalErrorNamesTheFieldAndTheLine(string json, int line, string field)
    {
        var e = Assert.Throws<MdpValidationException>(() => MdpJson.Parse(json));
        Assert.That(e!.Field, Is.EqualTo(field));
        Assert.That(e.Message, Does.StartWith($"line {line}: "));
    }

    [Test]
    public void ARepeatedKeyIsRefusedAtAnyDepthWithItsLine()
    {
        var json = "{\"states\":[\"a\"],\n\"transitions\":{\"a\":{\"stay\":\"a\",\n\"stay\":\"a\"}}}";
        var e = Assert.Throws<MdpValidationException>(() => MdpJson.Parse(json));
        Assert.That(e!.Message, Does.StartWith("line 3: duplicated key 'stay'"));
        var r = Assert.Throws<MdpValidationException>(() => RewardVectorFile.Parse("{\"a\":1,\n\"a\":2}"));
        Assert.That(r!.Message, Does.StartWith("line 2: gives state 'a' twice"));
    }

    [Test]
    public void MalformedJsonGivesLineAndPositionInEveryFormat()
    {
        const string bad = "{\"states\": [\"a\"],\n  \"transitions\" {}}";
        foreach (var parse in new Action[] { () => MdpJson.Parse(bad), () => GymPFormat.Parse(bad), () => RewardVectorFile.Parse(bad) })
        {
            var e = Assert.Throws<MdpValidationException>(() => parse());
            Assert.That(e!.Message, Does.Match(@"^line 2: malformed JSON at position \d+: "));
        }
    }

    [TestCase("[{\"0\": [[1.0, 0, 0.0, false]]}]", true)]
    [TestCase("{\"0\": {\"0\": [[1.0, 0, 0.0, false]]}}", true)]
    [TestCase("{\"states\": [], \"transitions\": {}}", false)]
    [TestCase("{\"0\": {}, \"x\": 1}", false)]
    [TestCase("{}", false)]
    [TestCase("{ broken", false)]
    public void TheGymSniffReadsOnlyTheTopLevel(string json, bool gym) =>
        Assert.That(JsonTree.RootIsTableOfContainers(json, "transitions", "states"), Is.EqualTo(gym));

    [Test]
    public void RepeatedNamesShareOneStringObject()
    {
        var tree = JsonTree.Parse("{\"x\": [\"state-name\", \"state-name\"], \"state-name\": 1}");
        var items = tree.Members[0].Value.Items;
        Assert.That(ReferenceEquals(items[0].Text, items[1].Text), Is.True);
        Assert.That(ReferenceEquals(items[0].Text, tree.Members[1].Key), Is.True);
    }
}

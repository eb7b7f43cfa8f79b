using CsCheck;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>Bad model files give exit code 1 and one line naming the file, the line and the problem; random
/// corruptions of each example never raise anything but <see cref="MdpValidationException"/>.</summary>
public class BadFileTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static string Example(string name) => File.ReadAllText(RepoFiles.Example(name));

    [Test]
    public void TruncatedDrnNamesTheFileTheLastLineAndWhatIsMissing()
    {
        var lines = Example("coin.drn").Split('\n');
        var cut = string.Join('\n', lines.Take(Array.FindIndex(lines, l => l.StartsWith("state 2", StringComparison.Ordinal)) + 1));
        var path = _dir.Write("cut.drn", cut);
        int last = cut.Split('\n').Length;
        CliRun.Of("validate", path).AssertCleanError(1, "cut.drn", $"line {last}:", "unexpected end of file", "state 2 has no action");
    }

    [Test]
    public void DrnCutAfterAnEarlierStateSaysHowManyStatesWereMissing()
    {
        var text = Example("coin.drn");
        var path = _dir.Write("cut.drn", text[..text.IndexOf("state 3", StringComparison.Ordinal)]);
        CliRun.Of("validate", path).AssertCleanError(1, "cut.drn", "line ", "@nr_states declares 4 states but 3 were given");
    }

    [Test]
    public void TraRowToAMissingStateNamesTheRow()
    {
        var path = _dir.Write("bad.tra", Example("coin.tra").Replace("3 1 2 0.25 go", "3 1 7 0.25 go", StringComparison.Ordinal));
        CliRun.Of("validate", path).AssertCleanError(1, "bad.tra", "line 10:", "row to state 7", "4 states");
    }

    [Test]
    public void GymProbabilityAboveOneNamesTheLine()
    {
        var path = _dir.Write("bad.json", Example("coin.gym.json").Replace("[[1.0, 3, 0.25, false]]", "[[1.5, 3, 0.25, false]]", StringComparison.Ordinal));
        CliRun.Of("validate", path).AssertCleanError(1, "bad.json", "line 4:", "probability 1.5 is outside [0, 1]");
    }

    [Test]
    public void GvOutcomeEdgeWithoutWeightNamesTheLine()
    {
        var text = Example("coin.gv");
        var bad = text.Replace("\"[3]__[safe]__[0]\"  [weight=\"1.0\"];", "\"[3]__[safe]__[0]\";", StringComparison.Ordinal);
        Assert.That(bad, Is.Not.EqualTo(text));
        int line = bad.Split('\n').ToList().FindIndex(l => l == "\"[safe]__[0]\" -> \"[3]__[safe]__[0]\";") + 1;
        CliRun.Of("validate", _dir.Write("bad.gv", bad)).AssertCleanError(1, "bad.gv", $"line {line}:", "no weight");
    }

    [Test]
    public void InvalidUtf8IsRefusedNamingTheLineInEveryFormat()
    {
        foreach (var name in new[] { "coin.json", "coin.drn", "coin.tra", "coin.gym.json", "coin.gv" })
        {
            var bytes = File.ReadAllBytes(RepoFiles.Example(name)).ToList();
            int third = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)'\n').Skip(1).First().i + 1;
            bytes.InsertRange(third, [0xC3, 0x28]); // a lead byte followed by a non-continuation byte, on line 3
            var path = _dir.PathOf("bad-" + name);
            File.WriteAllBytes(path, bytes.ToArray());
            CliRun.Of("validate", path).AssertCleanError(1, "bad-" + name, "line 3:", "invalid UTF-8 byte 0xC3");
        }
    }

    [Test]
    public void RandomCorruptionsOfEachFormatOnlyRaiseValidationErrors()
    {
        var sources = new (string Name, MdpFormat Format)[]
        {
            ("coin.json", MdpFormat.Json), ("coin.drn", MdpFormat.Drn), ("coin.tra", MdpFormat.Prism),
            ("coin.gym.json", MdpFormat.GymP), ("coin.gv", MdpFormat.PowerplayGv),
        };
        var texts = sources.Select(s => Example(s.Name)).ToArray();
        const string alphabet = "0123456789.-:[]{}\"=,;_ \n\t/>*#@abcxyz\\é";
        var edit = Gen.Select(Gen.Int[0, 5], Gen.Double[0, 1], Gen.Double[0, 1], Gen.String[Gen.Char[alphabet], 0, 6]);
        var gen = Gen.Select(Gen.Int[0, sources.Length - 1], edit.Array[1, 4]);
        gen.SamplePinned(c =>
        {
            var (k, edits) = c;
            var text = texts[k];
            foreach (var (kind, x, y, insert) in edits) text = Corrupt(text, kind, x, y, insert);
            try
            {
                MdpFormats.Parse(text, sources[k].Format, sniffJson: true);
            }
            catch (MdpValidationException)
            {
                // the expected refusal
            }
        }, iter: 1500, print: c => $"format {sources[c.Item1].Name}, edits {string.Join("; ", c.Item2.Select(e => e.ToString()))}");
    }

    /// <summary>One corruption: delete a range, insert text, duplicate a line, swap two lines, truncate, or change a digit.</summary>
    private static string Corrupt(string text, int kind, double x, double y, string insert)
    {
        if (text.Length == 0) return insert;
        int i = Math.Min(text.Length - 1, (int)(x * text.Length)), j = Math.Min(text.Length, i + 1 + (int)(y * 20));
        var lines = text.Split('\n').ToList();
        int a = Math.Min(lines.Count - 1, (int)(x * lines.Count)), b = Math.Min(lines.Count - 1, (int)(y * lines.Count));
        switch (kind)
        {
            case 0: return text.Remove(i, j - i);
            case 1: return text.Insert(i, insert);
            case 2:
                lines.Insert(a, lines[a]);
                return string.Join('\n', lines);
            case 3:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            case 4: return text[..i];
            default:
                int d = text.IndexOfAny("0123456789".ToCharArray(), i);
                return d < 0 ? text : text[..d] + (char)('0' + (int)(y * 10) % 10) + text[(d + 1)..];
        }
    }
}

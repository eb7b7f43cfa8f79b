using System.Globalization;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>
/// For every format that can be read back: export → import is the identity on every random MDP the format can hold
/// (states, actions and their names, successors and bit-identical probabilities, rewards and labels where the format has
/// a place for them, with DRN and PRISM naming states by number as documented), and every other MDP is refused at export
/// with an <see cref="MdpValidationException"/> — never written in a form read back differently.
/// </summary>
public class RoundTripPropertyTests
{
    private static readonly string[] ActionPool =
        ["a", "go", "0", "1", "x_y", "go//left", "go left", "[b]", "é", "a\"b", "c\\d", "__", "up-1", "#", "a,b", "=", "{", "->"];

    private static readonly string[] StatePool = ["s", "t 1", "(0, 1)", "★", "q\"x", "a__b", "r\\c", "[z]", "n//m", "ok"];

    private static readonly string[] LabelPool = ["init", "goal deadlock", "⋆", "two  spaces", "x_1"];

    private static double[] Probabilities(Random random, int k) => k switch
    {
        1 => [1.0],
        2 => random.Next(3) switch { 0 => [0.5, 0.5], 1 => [0.1, 0.9], _ => [1.0 / 3, 2.0 / 3] },
        _ => [0.25, 0.25, 0.5],
    };

    private static MdpDocument RandomDocument(Random random, bool numberedStates)
    {
        int n = random.Next(1, 6);
        var names = numberedStates
            ? Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()
            : StatePool.OrderBy(_ => random.Next()).Take(n).ToArray();
        var b = new MdpBuilder(random.Next(2) == 0 ? null : "m").AddStates(names);
        for (int s = 0; s < n; s++)
        {
            var actions = ActionPool.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
            foreach (var a in actions)
            {
                var targets = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(Math.Min(n, random.Next(1, 4))).ToArray();
                var p = Probabilities(random, targets.Length);
                b.AddAction(names[s], a, targets.Select((t, i) => (names[t], p[i])).ToArray());
            }
            if (random.Next(3) == 0) b.SetLabel(names[s], LabelPool[random.Next(LabelPool.Length)]);
        }
        double[]? rewards = random.Next(3) == 0 ? null
            : Enumerable.Range(0, n).Select(_ => random.Next(4) switch { 0 => 0, 1 => 0.1, 2 => -1.0 / 3, _ => 1e-300 }).ToArray();
        return new MdpDocument(b.Build(), rewards: rewards);
    }

    private static bool HoldsLabels(MdpFormat f) => f is MdpFormat.Json or MdpFormat.Drn or MdpFormat.Prism;

    [TestCase(MdpFormat.Json)]
    [TestCase(MdpFormat.Drn)]
    [TestCase(MdpFormat.Prism)]
    [TestCase(MdpFormat.PowerplayGv)]
    [TestCase(MdpFormat.GymP)]
    public void ExportThenImportIsTheIdentityOrTheExportIsRefused(MdpFormat format)
    {
        const int seed = 4242;
        var random = new Random(seed + (int)format);
        int identical = 0, refused = 0;
        using var dir = new Cli.TempDirectory();
        for (int trial = 0; trial < 300; trial++)
        {
            var document = RandomDocument(random, numberedStates: format is MdpFormat.Drn or MdpFormat.Prism && random.Next(4) != 0);
            var path = dir.PathOf("m" + format switch { MdpFormat.Prism => ".tra", MdpFormat.Drn => ".drn", MdpFormat.PowerplayGv => ".gv", _ => ".json" });
            MdpSaveResult saved;
            try
            {
                saved = MdpFormats.Save(document, path, format);
            }
            catch (MdpValidationException e)
            {
                refused++;
                Assert.That(e.Message, Does.Contain("cannot carry"), $"seed {seed}, trial {trial}: a refusal says what cannot be carried");
                continue;
            }
            var back = MdpFormats.Load(path, format).Document;
            string where = $"seed {seed}, trial {trial}, {format}";
            var a = document.Mdp;
            var z = back.Mdp;
            Assert.That(z.StateCount, Is.EqualTo(a.StateCount), where);
            bool numbered = format is MdpFormat.Drn or MdpFormat.Prism;
            for (int s = 0; s < a.StateCount; s++)
            {
                Assert.That(z.StateNames[s], Is.EqualTo(numbered ? s.ToString(CultureInfo.InvariantCulture) : a.StateNames[s]), where);
                Assert.That(z.ActionNames(s), Is.EqualTo(a.ActionNames(s)), where);
                for (int k = 0; k < a.ActionCount(s); k++)
                {
                    int sa = a.FirstStateAction(s) + k, za = z.FirstStateAction(s) + k;
                    Assert.That(z.Successors(za).ToArray(), Is.EqualTo(a.Successors(sa).ToArray()), where);
                    Assert.That(z.Probabilities(za).ToArray(), Is.EqualTo(a.Probabilities(sa).ToArray()), where);
                }
            }
            if (format == MdpFormat.PowerplayGv) Assert.That(back.Rewards, Is.Null, where);
            else if (format == MdpFormat.GymP)
            {
                // Documented: R of a state that nothing enters is lost, and the export says so.
                var entered = new bool[a.StateCount];
                for (int sa = 0; sa < a.StateActionCount; sa++) foreach (int t in a.Successors(sa)) entered[t] = true;
                var expected = document.Rewards?.Select((r, s) => entered[s] ? r : 0).ToArray();
                if (expected is null || expected.All(r => r == 0)) Assert.That(back.Rewards, Is.Null, where);
                else Assert.That(back.Rewards, Is.EqualTo(expected), where);
                bool lost = document.Rewards is { } rr && Enumerable.Range(0, a.StateCount).Any(s => !entered[s] && rr[s] != 0);
                Assert.That(saved.Notes.Any(nt => nt.Contains("was not written", StringComparison.Ordinal)), Is.EqualTo(lost), where);
            }
            else if (document.Rewards is { } r && (format != MdpFormat.Prism || r.Any(x => x != 0)))
                Assert.That(back.Rewards, Is.EqualTo(r), where);
            var keptLabels = a.Labels.Where(l => format == MdpFormat.Json || HoldsLabels(format) && FormatText.IsIdentifierList(l.Value)).ToList();
            if (HoldsLabels(format))
            {
                Assert.That(z.Labels.Count, Is.EqualTo(keptLabels.Count), where);
                foreach (var (state, label) in keptLabels)
                    Assert.That(z.Labels[numbered ? a.StateIndex(state).ToString(CultureInfo.InvariantCulture) : state], Is.EqualTo(label), where);
            }
            if (keptLabels.Count < a.Labels.Count)
                Assert.That(saved.Notes, Has.Some.Contains("label"), $"{where}: dropped labels are announced");
            identical++;
        }
        TestContext.Out.WriteLine($"{format}: {identical} round trips exact, {refused} refused at export");
        Assert.That(identical, Is.GreaterThan(30), "most random models must be writable");
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace PowerTheory.Tests.Cli;

/// <summary>
/// docs/reproductions.md: the published numbers are matched within 4 standard errors by the commands the page gives, and
/// every <c>$ powertheory …</c> output pasted there is what the command prints today (set
/// <see cref="UpdateVariable"/>=1 to re-paste them; the prose tables beside them are then to be checked by hand).
/// </summary>
public partial class ReproductionsTests
{
    private const string UpdateVariable = "POWERTHEORY_UPDATE_REPRODUCTIONS";

    [GeneratedRegex(@"```text\n\$ powertheory (?<args>[^\n]*)\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PastedRun();

    private static string DocPath() => Path.Combine(CliReference.RepositoryRoot(), "docs", "reproductions.md");

    private static Dictionary<string, (double Power, double Se)> PowerCsv(params string[] args)
    {
        var run = CliRun.Of(["power", .. args, "--format", "csv"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Err);
        return run.OutLines.Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0] + "@" + f[1], f => (double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)));
    }

    [Test]
    public void PowerplaysThreeByThreeGridIsMatchedWithinFourStandardErrors()
    {
        // POWERplay, γ = 0.6, uniform(0,1), 50,000 samples: corners ≈ 0.805, edges ≈ 0.836, centre ≈ 0.862.
        var ours = PowerCsv("grid3", "--gamma", "0.6", "--samples", "50000", "--seed", "1");
        foreach (var (cell, published) in new[]
                 {
                     ("r0c0", 0.805), ("r0c2", 0.805), ("r2c0", 0.805), ("r2c2", 0.805),
                     ("r0c1", 0.836), ("r1c0", 0.836), ("r1c2", 0.836), ("r2c1", 0.836), ("r1c1", 0.862),
                 })
        {
            var (power, se) = ours["0.6@" + cell];
            // POWERplay prints 3 decimals: allow its rounding (5e-4) on top of 4 of our standard errors.
            Assert.That(power, Is.EqualTo(published).Within(4 * se + 5e-4), cell);
        }
    }

    [Test]
    public void AppendixCOptimalPlayGivesFiveSixths()
    {
        var path = Path.Combine(Path.GetDirectoryName(DocPath())!, "mdps", "optsp-app-c.json");
        var (power, se) = PowerCsv(path, "--gamma", "1", "--samples", "200000", "--seed", "1")["1@s0"];
        Assert.That(power, Is.EqualTo(5.0 / 6).Within(4 * se)); // E[max of 5 uniforms] (OPTSP App. C)
    }

    [Test]
    public void FigureOneClosedFormsAreMatchedWithinFourStandardErrors()
    {
        var ours = PowerCsv("optsp-fig1", "--gamma", "0.1,0.5,0.9,0.99", "--samples", "200000", "--seed", "1");
        foreach (double g in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            string at = g.ToString("R", CultureInfo.InvariantCulture) + "@";
            foreach (var (state, exact) in new[] { ("empty", 0.5), ("r_se", 2.0 / 3), ("l_sw", (4 + 3 * g) / (6 * (1 + g))) })
                Assert.That(ours[at + state].Power, Is.EqualTo(exact).Within(4 * ours[at + state].Se), $"{state} at γ = {g}");
        }
    }

    [Test]
    public void ThePastedOutputsAreCurrent()
    {
        var path = DocPath();
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var stale = new List<string>();
        var root = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        var updated = PastedRun().Replace(text, m =>
        {
            var args = m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(root, a) : a).ToArray();
            if (args[0] == "plot") return m.Value; // writes a file; its output names the path
            var run = CliRun.Of(args);
            if (run.ExitCode != 0) stale.Add($"'powertheory {m.Groups["args"].Value}' exits {run.ExitCode}: {run.Err}");
            var output = run.Out.Replace(root + "/", "");
            if (output != m.Groups["output"].Value) stale.Add($"'powertheory {m.Groups["args"].Value}'");
            return $"```text\n$ powertheory {m.Groups["args"].Value}\n{output}```";
        });
        Assert.That(PastedRun().Matches(text), Has.Count.GreaterThanOrEqualTo(5), "the page lost its command blocks");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, updated);
            return;
        }
        Assert.That(stale, Is.Empty, "docs/reproductions.md shows outputs that the commands no longer print: " +
            string.Join("; ", stale) + $". Re-paste them with {UpdateVariable}=1 dotnet test tests/PowerTheory.Tests -c Release " +
            "--filter FullyQualifiedName~ReproductionsTests, then check the tables beside them by hand.");
    }
}

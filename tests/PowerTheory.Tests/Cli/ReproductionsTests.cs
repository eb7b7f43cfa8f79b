using System.Globalization;
using System.Text.RegularExpressions;
using PowerTheory.Tests.Docs;

namespace PowerTheory.Tests.Cli;

/// <summary>
/// docs/reproductions.md: the published numbers are matched within 4 standard errors by the commands the page gives, and
/// the outputs pasted on the page agree with the closed forms and brute-force counts (DocumentedCommandsTests keeps the
/// pasted outputs equal to what the commands print today).
/// </summary>
public partial class ReproductionsTests
{
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

    /// <summary>The power tables pasted in the page: per γ, state → (POWER, SE).</summary>
    private static Dictionary<string, Dictionary<string, (double Power, double Se)>> PastedPowerTables(string commandPrefix)
    {
        var block = DocBlock.Parse("docs/reproductions.md", File.ReadAllText(DocPath()))
            .SelectMany(b => b.Transcripts()).Single(t => t.Command.StartsWith(commandPrefix, StringComparison.Ordinal));
        var tables = new Dictionary<string, Dictionary<string, (double, double)>>();
        Dictionary<string, (double, double)>? current = null;
        foreach (var line in block.Expected)
        {
            if (line.StartsWith("gamma = ", StringComparison.Ordinal)) tables[line[8..].Trim()] = current = [];
            var row = PowerRow().Match(line);
            if (row.Success && current is not null)
                current[row.Groups["state"].Value] = (double.Parse(row.Groups["p"].Value, CultureInfo.InvariantCulture),
                    double.Parse(row.Groups["se"].Value, CultureInfo.InvariantCulture));
        }
        Assert.That(tables, Is.Not.Empty, $"no power table under '$ {block.Command}'");
        return tables;
    }

    [GeneratedRegex(@"^\s+(?<state>[A-Za-z_][\w]*)\s+(?<p>[0-9.]+)\s+(?<se>[0-9.]+)\s+\[")]
    private static partial Regex PowerRow();

    [Test]
    public void ThePastedFigureOneTableAgreesWithTheClosedForms()
    {
        // The page's own digits (which DocumentedCommandsTests keeps equal to what the tool prints) against theory.md §4.1.
        var tables = PastedPowerTables("powertheory power optsp-fig1");
        Assert.That(tables.Keys, Is.EquivalentTo(new[] { "0.1", "0.5", "0.9", "0.99" }));
        foreach (var (gammaText, rows) in tables)
        {
            double g = double.Parse(gammaText, CultureInfo.InvariantCulture);
            foreach (var (state, exact) in new[] { ("empty", 0.5), ("r_se", 2.0 / 3), ("l_sw", (4 + 3 * g) / (6 * (1 + g))) })
            {
                var (power, se) = rows[state];
                Assert.That(se, Is.GreaterThan(0).And.LessThan(0.002), $"{state} at γ = {g}: the SE of 2·10⁵ samples");
                // Printed to 5 significant digits: allow that rounding on top of 4 SE.
                Assert.That(power, Is.EqualTo(exact).Within(4 * se + 5e-6), $"{state} at γ = {g}");
            }
        }
    }

    [Test]
    public void ThePastedAppendixCTableAgreesWithTheClosedForms()
    {
        var rows = PastedPowerTables("powertheory power docs/mdps/optsp-app-c.json")["1"];
        // At γ = 1 POWER is the expected best reachable terminal reward: E[max of 5 uniforms] = 5/6 at s0, E[max of 2] = 2/3
        // at s_l, E[max of 3] = 3/4 at s_r, and E[R] = 1/2 at each terminal state.
        var exact = new Dictionary<string, double>
        {
            ["s0"] = 5.0 / 6, ["s_l"] = 2.0 / 3, ["s_r"] = 3.0 / 4,
            ["s1"] = 0.5, ["s2"] = 0.5, ["s3"] = 0.5, ["s4"] = 0.5, ["s5"] = 0.5,
        };
        Assert.That(rows.Keys, Is.EquivalentTo(exact.Keys));
        foreach (var (state, value) in exact)
            Assert.That(rows[state].Power, Is.EqualTo(value).Within(4 * rows[state].Se + 5e-6), state);
    }

    [Test]
    public void ThePastedGridTableAgreesWithPowerplay()
    {
        var rows = PastedPowerTables("powertheory power grid3")["0.6"];
        foreach (var (cell, published) in new[] { ("r0c0", 0.805), ("r2c2", 0.805), ("r0c1", 0.836), ("r1c0", 0.836), ("r1c1", 0.862) })
            Assert.That(rows[cell].Power, Is.EqualTo(published).Within(4 * rows[cell].Se + 5e-4), cell);
    }

    [Test]
    public void ThePastedOrbitCountsAreTheBruteForceCounts()
    {
        // θ = (10, 5, 0), A = {e0}, B = {e1, e2}: over the 6 permutations σ of θ, count the rule's f(B) > f(A) and f(B) < f(A).
        // optimal: f(X) = 1 if X holds the best outcome; boltzmann:T=1: f(X) = Σ_{x∈X} e^{θ_x} / Σ_y e^{θ_y}.
        var perms = new[] { new[] { 0, 1, 2 }, [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0] };
        double[] theta = [10, 5, 0];
        foreach (var rule in new[] { "optimal", "boltzmann:T=1" })
        {
            int more = 0, less = 0;
            foreach (var p in perms)
            {
                double[] t = [theta[p[0]], theta[p[1]], theta[p[2]]];
                double fa, fb;
                if (rule == "optimal")
                {
                    fa = t[0] > Math.Max(t[1], t[2]) ? 1 : 0;
                    fb = 1 - fa;
                }
                else
                {
                    double z = Math.Exp(t[0]) + Math.Exp(t[1]) + Math.Exp(t[2]);
                    fa = Math.Exp(t[0]) / z;
                    fb = (Math.Exp(t[1]) + Math.Exp(t[2])) / z;
                }
                if (fb > fa) more++;
                else if (fb < fa) less++;
            }
            var pasted = DocBlock.Parse("docs/reproductions.md", File.ReadAllText(DocPath())).SelectMany(b => b.Transcripts())
                .Single(t => t.Command == $"powertheory orbit --theta 10,5,0 --a 0 --b 1,2 --rule {rule}").Expected;
            Assert.That(pasted, Does.Contain($"  f(B) > f(A): {more}").And.Contain($"  f(B) < f(A): {less}"), rule);
        }
    }
}

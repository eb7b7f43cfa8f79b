namespace PowerTheory.Tests.Architecture;

/// <summary>
/// Mutation tests of the layer check: each plants one kind of violation into a copy of the real sources and asserts
/// that <see cref="LayerCheck"/> reports it (and that the unplanted copy is clean, so the report is the plant's).
/// </summary>
public class LayerMutationTests
{
    private static List<(string Path, string Text)> Plant(params (string Path, string Text)[] changes)
    {
        var files = LayerTests.LibrarySources();
        foreach (var (path, text) in changes)
        {
            int at = files.FindIndex(f => f.Path == path);
            if (at >= 0) files[at] = (path, text);
            else files.Add((path, text));
        }
        return files;
    }

    /// <summary>A real Solvers/ file with <paramref name="line"/> added inside its namespace.</summary>
    private static (string, string) SolversFileWith(string line)
    {
        const string path = "Solvers/ValueMethod.cs";
        var text = LayerTests.LibrarySources().Single(f => f.Path == path).Text;
        return (path, text + "\n" + line + "\n");
    }

    private static void AssertCaught(List<(string Path, string Text)> files, string expected)
    {
        var violations = LayerCheck.Violations(files);
        Assert.That(violations, Has.Some.Contains(expected), "planted violation not reported; got: " + string.Join("; ", violations));
    }

    [Test]
    public void TheRealSourcesAreClean() => Assert.That(LayerCheck.Violations(LayerTests.LibrarySources()), Is.Empty);

    [Test]
    public void AnUpwardReferenceIsCaught() =>
        AssertCaught(Plant(SolversFileWith("internal static class Up { static object X() => Power.PowerEstimator.Equals(1, 2); }")),
            "Solvers uses Power, a higher layer");

    [Test]
    public void ASiblingReferenceIsCaught() =>
        AssertCaught(Plant(SolversFileWith("internal static class Side { static object X() => Rewards.RewardDistribution.UniformIid; }")),
            "Solvers uses Rewards, a folder on its own level");

    [Test]
    public void AReferenceThroughTheRootNamespaceIsCaught()
    {
        // A Power/ type declared in the root namespace is visible to Solvers/ without any PowerTheory.Power reference.
        AssertCaught(Plant(("Power/Leak.cs", "namespace PowerTheory;\ninternal static class Leak { }\n"),
                SolversFileWith("internal static class UsesLeak { static string X() => nameof(Leak); }")),
            "Power/Leak.cs: namespace PowerTheory differs from its folder");
        AssertCaught(Plant(("Helpers.cs", "namespace PowerTheory;\ninternal static class Helpers { }\n")),
            "Helpers.cs: a source file outside every layer folder");
    }

    [Test]
    public void AGlobalUsingIsCaught()
    {
        AssertCaught(Plant(("Solvers/Usings.cs", "global using PowerTheory.Power;\nnamespace PowerTheory.Solvers;\n")),
            "Solvers/Usings.cs: a global using of a library namespace");
        var project = LayerTests.LibrarySources().Single(f => f.Path.EndsWith(".csproj", StringComparison.Ordinal));
        AssertCaught(Plant((project.Path, project.Text.Replace("</Project>", "<ItemGroup><Using Include=\"PowerTheory.Power\" /></ItemGroup></Project>"))),
            "a global using of a library namespace (<Using Include=\"PowerTheory.Power\"");
    }

    [Test]
    public void ANamespaceThatDiffersFromItsFolderIsCaught() =>
        AssertCaught(Plant(("Solvers/Misplaced.cs", "namespace PowerTheory.Power;\ninternal static class Misplaced { }\n")),
            "Solvers/Misplaced.cs: namespace PowerTheory.Power differs from its folder");

    [TestCase("internal static class Hidden { static object X() { var u = \"http://example\"; return Power.PowerEstimator.Equals(u, u); } }")]
    [TestCase("internal static class Hidden { static object X() { var u = @\"C:\\dir\\\"; return Power.PowerEstimator.Equals(u, u); } }")]
    [TestCase("internal static class Hidden { static object X() { var c = '\"'; return Power.PowerEstimator.Equals(c, c); } }")]
    [TestCase("internal static class Hidden { static string X() => $\"{Power.PowerEstimator.Equals(1, 2)} // not a comment\"; }")]
    public void AReferenceBehindACommentLookingStringIsCaught(string line) =>
        AssertCaught(Plant(SolversFileWith(line)), "Solvers uses Power, a higher layer");

    [Test]
    public void CommentsAndStringsAreNotReferences()
    {
        var clean = Plant(SolversFileWith(
            "// see Power.PowerEstimator\n/* Power.PowerEstimator */\ninternal static class Text { const string M = \"use Power.PowerEstimator\"; }"));
        Assert.That(LayerCheck.Violations(clean), Is.Empty);
    }
}

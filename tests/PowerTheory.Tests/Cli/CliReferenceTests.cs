namespace PowerTheory.Tests.Cli;

/// <summary>docs/cli-reference.md is what the commands' --help says today (<see cref="CliReference"/>).</summary>
public class CliReferenceTests
{
    [Test]
    public void TheCliReferenceIsUpToDate()
    {
        var path = Path.Combine(CliReference.RepositoryRoot(), CliReference.RelativePath);
        var expected = CliReference.Generate();
        if (Environment.GetEnvironmentVariable(CliReference.UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
            TestContext.Out.WriteLine($"rewrote {path}");
            return;
        }
        Assert.That(File.Exists(path), Is.True, $"{CliReference.RelativePath} is missing; generate it with: {CliReference.RegenerateCommand}");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n");
        if (actual == expected) return;
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        int line = Enumerable.Range(0, Math.Min(a.Length, e.Length)).FirstOrDefault(i => a[i] != e[i], Math.Min(a.Length, e.Length));
        Assert.Fail($"{CliReference.RelativePath} is stale (first difference at line {line + 1}: " +
                    $"file has '{(line < a.Length ? a[line] : "<end>")}', --help gives '{(line < e.Length ? e[line] : "<end>")}'). " +
                    $"Regenerate it with: {CliReference.RegenerateCommand}");
    }

    [Test]
    public void TheReferenceCoversEveryCommandWithItsOptions()
    {
        var text = CliReference.Generate();
        foreach (var heading in new[] { "## powertheory", "## powertheory power", "## powertheory plot power-map", "## powertheory env list" })
            Assert.That(text, Does.Contain("\n" + heading + "\n"), heading);
        Assert.That(text, Does.Contain("-o, --out <FILE> (REQUIRED)"));
        Assert.That(text, Does.Not.Contain("error:"));
    }
}

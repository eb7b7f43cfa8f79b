using PowerTheory.Environments;
using PowerTheory.Rewards;
using PowerTheory.Tests.Cli;

namespace PowerTheory.Tests.Rewards;

/// <summary>The reward-law registry is the one list: every example parses (its sample mean matches the law's mean),
/// the unknown-law error names every registered law, and `power --help` shows every signature.</summary>
public class RewardLawRegistryTests
{
    [Test]
    public void EveryExampleParsesAndSamplesItsLaw()
    {
        var mdp = BuiltInEnvironments.Create("terminal");
        var expectedMeans = new Dictionary<string, double>
        {
            ["uniform"] = 0.5, ["beta"] = 0.4, ["triangular"] = (0 + 1 + 0.25) / 3, ["bernoulli"] = 0.3, ["point"] = 0.5,
            ["normal"] = 0, ["exponential"] = 0.5, ["discrete"] = 0.5,
        };
        Assert.That(RewardLawRegistry.All.Select(e => e.Name), Is.EquivalentTo(expectedMeans.Keys));
        foreach (var entry in RewardLawRegistry.All)
        {
            var law = RewardDistribution.Parse(entry.Example, mdp);
            var random = new Random(5);
            var r = new double[1];
            double sum = 0;
            const int n = 20_000;
            for (int i = 0; i < n; i++) { law.Sample(random, r); sum += r[0]; }
            Assert.That(sum / n, Is.EqualTo(expectedMeans[entry.Name]).Within(0.03), entry.Example);
        }
    }

    [Test]
    public void ErrorsAndHelpListTheRegistry()
    {
        var mdp = BuiltInEnvironments.Create("terminal");
        var e = Assert.Catch<Exception>(() => RewardDistribution.Parse("gamma(1,2)", mdp))!;
        foreach (var entry in RewardLawRegistry.All) Assert.That(e.Message, Does.Contain(entry.Name));
        var help = string.Join(" ", CliRun.Of("power", "--help").Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var entry in RewardLawRegistry.All) Assert.That(help, Does.Contain(entry.Signature));
    }
}

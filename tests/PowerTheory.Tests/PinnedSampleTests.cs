using CsCheck;

namespace PowerTheory.Tests;

/// <summary>The deterministic property-test driver <see cref="PinnedSample"/>.</summary>
public class PinnedSampleTests
{
    [Test]
    public void EveryRunDrawsTheSameCases()
    {
        var first = new List<int>();
        Gen.Int[0, 1_000_000].SamplePinned(first.Add, iter: 50);
        var second = new List<int>();
        Gen.Int[0, 1_000_000].SamplePinned(second.Add, iter: 50);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Distinct().Count(), Is.GreaterThan(45), "the cases differ from each other");
        var other = new List<int>();
        Gen.Int[0, 1_000_000].SamplePinned(other.Add, iter: 50, seed: 7);
        Assert.That(other, Is.Not.EqualTo(first), "another run seed gives other cases");
    }

    [Test]
    public void TheReportedCsCheckSeedReproducesTheCase()
    {
        var cases = new List<int>();
        Gen.Int[0, 1_000_000].SamplePinned(cases.Add, iter: 10);
        for (int i = 0; i < cases.Count; i++)
        {
            string seed = PinnedSample.CasePcg(PinnedSample.DefaultSeed, i).ToString();
            int again = -1;
            Gen.Int[0, 1_000_000].Sample(x => { again = x; }, seed: seed, iter: 1, threads: 1);
            Assert.That(again, Is.EqualTo(cases[i]), $"case {i}");
            var pinned = new List<int>();
            Gen.Int[0, 1_000_000].SamplePinned(pinned.Add, iter: 0, firstCase: seed);
            Assert.That(pinned, Is.EqualTo(new[] { cases[i] }));
        }
    }

    [Test]
    public void AFailureNamesTheCaseAndItsSeed()
    {
        var cases = new List<int>();
        Gen.Int[0, 99].SamplePinned(cases.Add, iter: 100);
        int firstBad = cases.FindIndex(x => x >= 50);
        var e = Assert.Throws<AssertionException>(() => Gen.Int[0, 99].SamplePinned(x => x < 50, iter: 100))!;
        string seed = PinnedSample.CasePcg(PinnedSample.DefaultSeed, firstBad).ToString();
        Assert.That(e.Message, Does.Contain($"case {firstBad} of 100"));
        Assert.That(e.Message, Does.Contain($"run seed {PinnedSample.DefaultSeed}"));
        Assert.That(e.Message, Does.Contain($"seed: \"{seed}\""));
        Assert.That(e.Message, Does.Contain($"Input: {cases[firstBad]}"));
    }
}

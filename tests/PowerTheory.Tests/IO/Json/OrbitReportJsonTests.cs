using System.Text.Json;
using PowerTheory.Budgets;
using PowerTheory.Retargeting;
using PowerTheory.IO.Json;

namespace PowerTheory.Tests.IO.Json;

/// <summary><see cref="OrbitReportJson"/>: the document carries the result's numbers unchanged.</summary>
public class OrbitReportJsonTests
{
    [Test]
    public void JsonCarriesCountsAndTheSearch()
    {
        var question = RetargetingQuestion.OverBasis(3, [0], [1, 2], new FracOptimalRule());
        var counts = OrbitCounter.Count(question, [10, 5, 0], SearchBudget.Default);
        var search = RetargeterSearch.Find(question, [10, 5, 0], SearchBudget.Default);
        using var doc = JsonDocument.Parse(OrbitReportJson.ToJson(counts, search));
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("rule").GetString(), Is.EqualTo("fracoptimal"));
            Assert.That(root.GetProperty("counts").GetProperty("bGreater").GetInt64(), Is.EqualTo(counts.BWins));
            Assert.That(root.GetProperty("counts").GetProperty("aGreater").GetInt64(), Is.EqualTo(counts.AWins));
            Assert.That(root.GetProperty("largestN").GetInt64(), Is.EqualTo(counts.LargestN));
            Assert.That(root.GetProperty("budget").GetProperty("complete").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("retargeting").GetProperty("n").GetInt32(), Is.EqualTo(search.N));
            Assert.That(root.GetProperty("retargeting").GetProperty("permutations").GetArrayLength(), Is.EqualTo(search.N));
        });
    }
}

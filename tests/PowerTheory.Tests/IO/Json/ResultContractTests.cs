using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PowerTheory.Budgets;
using PowerTheory.Cli.Common;
using PowerTheory.Environments;
using PowerTheory.IO.Json;
using PowerTheory.Power;

namespace PowerTheory.Tests.IO.Json;

/// <summary>
/// The result contracts are records serialized by the source-generated <see cref="ResultJsonContext"/>. These tests hold
/// the contract's shape against an independent writer (the member order and the always-written nulls of docs/cli.md,
/// checked token by token), the infinite z of a comparison, the CLI's refusal of a non-finite number, and that every
/// contract has generated metadata (no reflection fallback).
/// </summary>
public class ResultContractTests
{
    [Test]
    public void SearchOutcomeIsWrittenInTheDocumentedOrderWithANullForNoTimeLimit()
    {
        var outcome = new SearchOutcome(SearchStop.NodeBudget, 12, 0.12345, new SearchBudget(100, double.PositiveInfinity));
        var text = Write(w => { w.WriteStartObject(); SearchOutcomeJson.Write(w, outcome); w.WriteEndObject(); });
        // An independent writer: the documented member order, by hand.
        var expected = Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("search");
            w.WriteString("stop", outcome.StopName);
            w.WriteBoolean("exhaustive", false);
            w.WriteNumber("nodes", 12);
            w.WriteNumber("seconds", 0.123);
            w.WriteStartObject("budget");
            w.WriteNumber("nodes", 100);
            w.WriteNull("seconds");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        Assert.That(text, Is.EqualTo(expected));
    }

    [Test]
    public void AComparisonWithoutSpreadWritesItsZAsTheStringInfinity()
    {
        // Two terminal options with equal rewards everywhere: the comparison of an action with itself has no spread.
        var result = new PowerEstimator(PaperMdps.TerminalOptions(2)).Estimate(new[] { 0.5 }, new PowerOptions
        {
            Samples = 50, Seed = 3, Comparisons = [new PowerComparisonRequest(0, 0, 0)],
        });
        var z = result.ByGamma[0].Comparisons[0].ZScore;
        using var doc = JsonDocument.Parse(PowerResultJson.ToJson(result));
        var written = doc.RootElement.GetProperty("comparisons")[0].GetProperty("z");
        if (double.IsFinite(z)) Assert.That(written.GetDouble(), Is.EqualTo(z));
        else Assert.That(written.GetString(), Is.EqualTo(z > 0 ? "Infinity" : "-Infinity"));
    }

    [Test]
    public void TheCliRefusesANonFiniteNumberWithOneLineInsteadOfASerializerMessage()
    {
        var outcome = new SearchOutcome(SearchStop.Completed, 1, double.NaN, new SearchBudget());
        var output = new StringWriter();
        var e = Assert.Throws<CliDomainException>(() =>
            JsonOutput.Write(output, w => { w.WriteStartObject(); SearchOutcomeJson.Write(w, outcome); w.WriteEndObject(); }));
        Assert.That(e!.Message, Does.Contain("not finite"));
        Assert.That(output.ToString(), Is.Empty, "nothing is written for a small document that fails");
    }

    [Test]
    public void EveryContractHasSourceGeneratedMetadata()
    {
        var context = ResultJsonContext.Default;
        foreach (var type in new[]
                 {
                     typeof(PowerAtGammaContract), typeof(List<PowerAtGammaContract>), typeof(OptimalValuesContract),
                     typeof(VertexReportContract), typeof(SymmetryCertificateContract), typeof(OrbitReportContract),
                     typeof(TendenciesContract), typeof(SearchOutcomeContract),
                 })
            Assert.That(context.GetTypeInfo(type), Is.Not.Null, $"{type.Name} has no generated metadata");
        var contracts = typeof(ResultJsonContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "PowerTheory.IO.Json" && t.Name.EndsWith("Contract", StringComparison.Ordinal)).ToList();
        Assert.That(contracts.Count, Is.GreaterThan(20));
        foreach (var t in contracts)
            Assert.That(context.GetTypeInfo(t), Is.Not.Null, $"{t.Name} is a contract the context does not reach");
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

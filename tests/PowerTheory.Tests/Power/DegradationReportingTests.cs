using System.Text.Json;
using PowerTheory.Environments;
using PowerTheory.Internal;
using PowerTheory.Mdps;
using PowerTheory.Power;
using PowerTheory.Solvers;
using PowerTheory.IO.Json;

namespace PowerTheory.Tests.Power;

/// <summary>No silent degradation: what a solver records below an entry point reaches that entry point's result
/// (and the JSON), from every worker thread, and nothing is recorded when everything runs as designed.</summary>
public class DegradationReportingTests
{
    [Test]
    public void ScopesNestAndCountInEveryEnclosingScope()
    {
        Assert.That(DegradationScope.Snapshot(), Is.Empty, "no scope open");
        using (DegradationScope.Begin())
        {
            DegradationScope.Record("outer");
            using (DegradationScope.Begin())
            {
                DegradationScope.Record("inner");
                DegradationScope.Record("inner");
                Assert.That(DegradationScope.Snapshot(), Is.EquivalentTo(new Dictionary<string, long> { ["inner"] = 2 }));
            }
            Assert.That(DegradationScope.Snapshot(), Is.EquivalentTo(new Dictionary<string, long> { ["outer"] = 1, ["inner"] = 2 }));
        }
        Assert.That(DegradationScope.Snapshot(), Is.Empty, "closed again");
        DegradationScope.Record("nobody listens"); // no scope: harmless
    }

    /// <summary>A solver that records one degradation per sample, then solves exactly.</summary>
    private sealed class RecordingSolvers : ISampleSolverFactory
    {
        public IRewardSolver Create(Mdp mdp, double gamma, double tieTolerance) =>
            new Recording(ExactSampleSolvers.Instance.Create(mdp, gamma, tieTolerance));

        private sealed class Recording(IRewardSolver inner) : IRewardSolver
        {
            public void Reset() => inner.Reset();

            public void Solve(ReadOnlySpan<double> r, Span<double> value, Span<bool> optimal)
            {
                DegradationScope.Record("test: a sample was solved with a fallback");
                inner.Solve(r, value, optimal);
            }
        }
    }

    [Test]
    public void RecordsFromWorkerThreadsReachThePowerResultAndItsJson()
    {
        var mdp = PaperMdps.OptspFigure1();
        var result = new PowerEstimator(mdp, null, new RecordingSolvers())
            .Estimate(new[] { 0.5, 1.0 }, new PowerOptions { Samples = 1000, BlockSize = 16, Threads = 2, Seed = 3 });
        Assert.That(result.Degradations, Is.EquivalentTo(new Dictionary<string, long> { ["test: a sample was solved with a fallback"] = 2000 }));
        using var doc = JsonDocument.Parse(PowerResultJson.ToJson(result));
        var json = (doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement[0] : doc.RootElement).GetProperty("degradations");
        Assert.That(json.GetProperty("test: a sample was solved with a fallback").GetInt64(), Is.EqualTo(2000));
    }

    [Test]
    public void CleanRunsReportNoDegradation()
    {
        var mdp = Gridworld.FromAscii(GridMaps.Grid3, slip: 0.1);
        Assert.That(new PowerEstimator(mdp).Estimate(new[] { 0.0, 0.9, 1.0 }, new PowerOptions { Samples = 50 }).Degradations, Is.Empty);
        Assert.That(PolicyIteration.Solve(mdp, Enumerable.Repeat(0.5, mdp.StateCount).ToArray(), 0.9).Degradations, Is.Empty);
        Assert.That(LinearProgramSolver.Solve(mdp, Enumerable.Range(0, mdp.StateCount).Select(i => i / 10.0).ToArray(), 0.9).Degradations, Is.Empty);
    }
}

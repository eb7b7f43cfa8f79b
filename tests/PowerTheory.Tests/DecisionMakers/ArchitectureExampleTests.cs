using PowerTheory.DecisionMakers;
using PowerTheory.Environments;

namespace PowerTheory.Tests.DecisionMakers;

/// <summary>The decision-maker of docs/architecture.md ("Adding a decision-maker"), compiled as written: at p = 1 it is
/// the optimal agent, sample for sample.</summary>
public class ArchitectureExampleTests
{
    public sealed class PowerTransformDecisionMaker(double p) : DecisionMaker
    {
        public override string Name => $"power-transform:p={p}";
        public override string Description => $"optimal for sign(R)·|R|^{p}";
        public override Func<PolicyChooser> Prepare(DecisionContext context)
        {
            var optimal = DecisionMaker.Optimal.Prepare(context);
            return () => new Chooser(optimal(), p);
        }
        private sealed class Chooser(PolicyChooser inner, double p) : PolicyChooser
        {
            public override bool Choose(ReadOnlySpan<double> rewards, Random random, Span<double> policy)
            {
                var r = new double[rewards.Length];
                for (int s = 0; s < r.Length; s++) r[s] = Math.Sign(rewards[s]) * Math.Pow(Math.Abs(rewards[s]), p);
                return inner.Choose(r, random, policy);
            }
        }
    }

    [Test]
    public void TheDocumentedExampleRunsAndAtPOneIsOptimal()
    {
        var mdp = BuiltInEnvironments.Create("maze7");
        var result = new TendencyEstimator(mdp).Estimate([new PowerTransformDecisionMaker(1)], 0.9, 0,
            new TendencyOptions { Samples = 200, Seed = 4, CertificateBudget = null });
        var mine = result.DecisionMakers[0];
        for (int a = 0; a < mine.ActionProbabilities.Count; a++)
            Assert.That(mine.ActionProbabilities[a], Is.EqualTo(result.Optimal.ActionProbabilities[a]), $"action {a}");
        Assert.That(mine.Power!.Select(e => e.Mean), Is.EqualTo(result.Optimal.Power!.Select(e => e.Mean)));
    }
}

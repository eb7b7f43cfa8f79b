using MathNet.Numerics.LinearAlgebra;
using PowerTheory.Environments;
using PowerTheory.Rewards;
using PowerTheory.Solvers;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

namespace PowerTheory.Tests.Symmetry;

/// <summary>The actions of φ on functions of γ, rewards and reward distributions, against the permutation matrix and
/// numerical evaluation.</summary>
public class PermutationActionsTests
{
    private const int Seed = 20261126;

    [Test]
    public void PermutedFunctionEqualityMatchesEvaluationAtManyDiscounts()
    {
        // Oracle: φ·f = g iff P_φ f(γ) = g(γ) at 2|S|+1 distinct γ (dyadic MDPs, so exact and numeric agree).
        var random = new Random(Seed);
        int equal = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            var mdp = RandomMdps.Dyadic(Seed + trial, stochastic: trial % 2 == 1);
            int n = mdp.StateCount;
            var image = Enumerable.Range(0, n).ToArray();
            random.Shuffle(image);
            var phi = Permutation.FromImage(image);
            var fs = Enumerable.Range(0, n).SelectMany(s => VisitDistributionSet.Enumerate(mdp, s).Functions).ToArray();
            foreach (var f in fs)
                foreach (var g in fs)
                {
                    var pf = phi.ApplyToFunction(f);
                    bool numeric = Enumerable.Range(0, 2 * n + 1).Select(k => 0.1 + 0.07 * k)
                        .All(gamma => pf.Evaluate(gamma).Zip(g.Evaluate(gamma), (u, v) => Math.Abs(u - v)).Max() < 1e-9);
                    Assert.That(pf.EqualsFunction(g), Is.EqualTo(numeric), $"seed {Seed + trial}, φ = {phi}, f = {f}, g = {g}");
                    if (numeric) equal++;
                }
        }
        Assert.That(equal, Is.GreaterThan(0));
    }

    [Test]
    public void FunctionsThatCoincideAtOneDiscountStayDistinct()
    {
        // Figure 1 (docs/theory.md §4.4): f = e_rse + γ e_rne/(1−γ) and g = (e_rse + γ e_rne)/(1−γ²) agree at γ = 1/2 only.
        var mdp = PaperMdps.OptspFigure1();
        int rse = mdp.StateIndex("r_se");
        var fs = VisitDistributionSet.Enumerate(mdp, rse).Functions;
        var identity = Permutation.Identity(mdp.StateCount);
        foreach (var f in fs)
            Assert.That(fs.Count(g => identity.ApplyToFunction(f).EqualsFunction(g)), Is.EqualTo(1), f.ToString());
    }

    [Test]
    public void RewardsAndSetsMoveLikeThePermutationMatrix()
    {
        var phi = Permutation.FromTranspositions(4, [(0, 2)]);
        var matrix = Matrix<double>.Build.Dense(4, 4, (i, j) => i == phi[j] ? 1.0 : 0.0);
        double[] r = [1, 2, 3, 4];
        Assert.That(phi.ApplyToRewards(r), Is.EqualTo((matrix * Vector<double>.Build.DenseOfArray(r)).ToArray()));
        Assert.That(phi.ApplyToRewards(r), Is.EqualTo(new double[] { 3, 2, 1, 4 }));
        var set = phi.ApplyToSet([[1, 0, 0, 0], [0, 0, 0.5, 0.5]]);
        Assert.That(set[0], Is.EqualTo(new double[] { 0, 0, 1, 0 }));
        Assert.That(set[1], Is.EqualTo(new double[] { 0.5, 0, 0, 0.5 }));
    }

    [Test]
    public void PushforwardSamplesThePermutedDrawAndPermutesTheMeans()
    {
        var mdp = PaperMdps.GambleOrSafe();
        var d = RewardDistribution.Parse("uniform(0,1); s0=point(5); t1=uniform(10,11)", mdp);
        var phi = Permutation.FromTranspositions(mdp.StateCount, [(0, 1), (2, 3)]);
        var pushed = phi.ApplyToDistribution(d);
        var a = new double[4];
        var b = new double[4];
        for (int k = 0; k < 100; k++)
        {
            d.Sample(new Random(Seed + k), a);
            pushed.Sample(new Random(Seed + k), b);
            var matrix = Matrix<double>.Build.Dense(4, 4, (i, j) => i == phi[j] ? 1.0 : 0.0);
            Assert.That(b, Is.EqualTo((matrix * Vector<double>.Build.DenseOfArray(a)).ToArray()), $"draw {k}");
        }
        Assert.That(pushed.MeanOf(1), Is.EqualTo(5));
        Assert.That(pushed.MeanOf(0), Is.EqualTo(10.5));
        Assert.That(pushed.IsBounded, Is.True);
        Assert.That(pushed.IsContinuous, Is.EqualTo(d.IsContinuous));
        Assert.Throws<ArgumentException>(() => Permutation.Identity(3).ApplyToDistribution(d));
    }
}

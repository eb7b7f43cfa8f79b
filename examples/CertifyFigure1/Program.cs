// Certify the power-seeking theorems' symmetry conditions on OPTSP Figure 1 and put each predicted bound beside what is
// measured: the exact orbit of a reward vector, and the POWER engine's Monte Carlo estimate under IID uniform rewards.
using System.Globalization;
using PowerTheory.Budgets;
using PowerTheory.Environments;
using PowerTheory.Power;
using PowerTheory.Retargeting;
using PowerTheory.Symmetry;
using PowerTheory.Visits;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var mdp = PaperMdps.OptspFigure1();

void Show(SymmetryCertificate c)
{
    Console.WriteLine($"{c.Theorem}: {c.Statement}");
    Console.WriteLine(c.Holds ? $"  certified, n = {c.N}, via {c.Route}" : "  not certified");
    foreach (var phi in c.Involutions) Console.WriteLine("  φ = " + string.Concat(phi));
    foreach (var cond in c.Conditions) Console.WriteLine($"  {(cond.Holds ? "✔" : "✘")} {cond.Name}");
}

// 1. Prop 6.9 at ⋆: right keeps more options open than left — beside the optimality probabilities.
int star = mdp.StateIndex("star");
var options = SymmetryFinder.KeepsOptionsOpen(mdp, star, mdp.ActionIndex(star, "right"), mdp.ActionIndex(star, "left"));
Show(options);
var measured = new PowerEstimator(mdp).Estimate(new[] { 0.5, 0.9 }, new PowerOptions { Samples = 20_000, Seed = 1 });
foreach (var at in measured.ByGamma)
{
    var right = at.OptimalityProbability("star", "right");
    var left = at.OptimalityProbability("star", "left");
    Console.WriteLine($"  measured at γ = {at.Gamma}: P(right optimal) = {right.Mean:F3} ± {right.StandardError:F3}, P(left) = {left.Mean:F3} ± {left.StandardError:F3}");
}
Console.WriteLine();

// 2. Cor 6.14 / D.12: average-optimal policies from ⋆ tend to avoid ∅, with n = 3 (at least 3/4 of every orbit).
var avoid = SymmetryFinder.AverageOptimalAvoidance(mdp, star, new[] { mdp.StateIndex("empty") });
Show(avoid);
double bound = avoid.N / (avoid.N + 1.0);
// The exact orbit of r = (2⁰ … 2⁷), counted by the retargeting layer: C = RSD(⋆) as outcome lotteries, A = {e_∅},
// B = the rest, rule IsOptimal; B ≥ A in a permutation exactly when avoiding ∅ is average-optimal there.
var rsd = RecurrentStateDistributionSet.Enumerate(mdp, "star").Distributions.Select((e, i) => new OutcomeLottery(e.Distribution, $"d{i}")).ToArray();
int empty = mdp.StateIndex("empty");
var question = new RetargetingQuestion(new LotterySet(rsd, mdp.StateCount),
    new LotterySet(rsd.Where(d => d.Vector[empty] == 1), mdp.StateCount),
    new LotterySet(rsd.Where(d => d.Vector[empty] != 1), mdp.StateCount), new IsOptimalRule());
var theta = Enumerable.Range(0, mdp.StateCount).Select(i => Math.Pow(2, i)).ToArray();
var orbit = OrbitCounter.Count(question, theta, new SearchBudget(1_000_000, 60));
Console.WriteLine($"  predicted: at least {bound:F3} of every orbit avoids ∅");
Console.WriteLine($"  exact orbit of r = (2⁰ … 2⁷): {orbit.BWins + orbit.Ties} of {orbit.Counted} permutations avoid ∅ = {orbit.WeakFraction:F4} (largest n in this orbit: {orbit.LargestN})");
var ends = OptimalityEvent.EndsIn(mdp, "star", "empty");
var atOne = new PowerEstimator(mdp).Estimate(new[] { 1.0 }, new PowerOptions { Samples = 20_000, Seed = 2, Events = [ends] }).ByGamma[0];
var pEmpty = atOne.Events[0].Probability;
Console.WriteLine($"  Monte Carlo, IID uniform(0,1), γ → 1: P(average-optimal policy ends in ∅) = {pEmpty.Mean:F4} ± {pEmpty.StandardError:F4}, so it avoids ∅ with probability {1 - pEmpty.Mean:F4} ≥ {bound:F3}");

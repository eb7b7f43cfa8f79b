#!/usr/bin/env dotnet
#:project ../../src/PowerTheory/PowerTheory.csproj
#:property PublishAot=false

// # Notebook 1: POWER on the paper's Figure 1
//
// Run with `dotnet run docs/notebooks/01-power.cs`. CI runs every notebook.
//
// OPTSP (Turner et al., NeurIPS 2021) defines, for a reward distribution D and γ ∈ (0,1),
//     POWER_D(s,γ) = (1−γ)/γ · E_{R~D}[V*_R(s,γ) − R(s)],
// the normalised optimal value an agent can still get from s. docs/theory.md §4.1 gives closed forms on Figure 1 under IID
// uniform(0,1) rewards: POWER(∅) = 1/2, POWER(r↘) = 2/3 and POWER(ℓ↙,γ) = (4+3γ)/(6(1+γ)).

using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Polytope;
using PowerTheory.Power;
using PowerTheory.Rewards;
using PowerTheory.Solvers;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var figure1 = PaperMdps.OptspFigure1();
int star = figure1.StateIndex("star");

// ## Optimal values for one reward: 1 at r↗, 0 elsewhere. From ⋆ the best is to go right and stay: V*(⋆) = γ²/(1−γ).
var r = new double[figure1.StateCount];
r[figure1.StateIndex("r_ne")] = 1;
var v = PolicyIteration.Solve(figure1, r, gamma: 0.9);
Console.WriteLine($"V*(star) = {v[star]:F6} (closed form {0.81 / 0.1:F6}); first move: {figure1.ActionName(star, v.Policy[star])}");

// ## POWER, with error bars, at the two limits and in between (the endpoints use their own formulas).
var estimator = new PowerEstimator(figure1, RewardSpecParser.Parse("uniform(0,1)", figure1));
var result = estimator.Estimate(new[] { 0.0, 0.9, 1.0 }, new PowerOptions { Samples = 20_000, Seed = 1 });
foreach (double g in new[] { 0.0, 0.9, 1.0 })
{
    var p = result.At(g).Power(figure1.StateIndex("l_sw"));
    double closed = (4 + 3 * g) / (6 * (1 + g));
    Console.WriteLine($"POWER(l_sw, γ={g}) = {p.Mean:F4} ± {p.StandardError:F4}, 95% CI [{p.Ci95Lower:F4}, {p.Ci95Upper:F4}]; closed form {closed:F4}");
    if (Math.Abs(p.Mean - closed) > 5 * p.StandardError) throw new InvalidOperationException("estimate disagrees with the closed form");
}

// ## Why ⋆'s POWER is what it is: only 5 of the 11 visit distributions from ⋆ can ever be strictly optimal.
var report = VertexReport.Discounted(figure1, star, gamma: 0.37);
Console.WriteLine($"F(star): {report.VisitDistributionCount} distinct, {report.NonDominatedCount} non-dominated (complete: {report.IsComplete})");
foreach (var vertex in report.NonDominated)
    Console.WriteLine("  " + string.Join(" ", vertex.Policy.Select(kv => $"{kv.Key}:{kv.Value}")));

#!/usr/bin/env dotnet
#:project ../../src/PowerTheory.Plotting/PowerTheory.Plotting.csproj
#:property PublishAot=false

// # Notebook 3: non-dominated visit distributions
//
// Run with `dotnet run docs/notebooks/03-non-dominated.cs`; the figure goes to docs/notebooks/figures/.
//
// A deterministic stationary policy π started at s visits states with discounted weights f^{π,s}(γ) = Σ_t γ^t E[e_{s_t}],
// and V^π_r(s,γ) = f·r. F(s) is the set of these visit distributions; F_nd(s) ⊆ F(s) are those that are the *unique*
// optimum for some reward r: the vertices of conv F(s,γ) (docs/polytope.md, docs/theory.md §1.5). Only they matter
// for POWER: V*_r(s,γ) = max over F_nd(s) of f·r. Here, on the paper's Figure 1 (docs/theory.md §4.1):
//   1. F(⋆) has 11 elements and F_nd(⋆) 5, found without enumerating F(⋆), and the same set at every γ;
//   2. each element of F_nd(⋆) comes with a witness reward that makes it the unique optimum (checked by policy iteration);
//   3. an independent check: the 5 are exactly the points of F(⋆) that an LP finds non-dominated;
//   4. sampling rewards, only non-dominated distributions are ever optimal (the figure).

using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Plotting;
using PowerTheory.Polytope;
using PowerTheory.Solvers;
using PowerTheory.Visits;
using ScottPlot;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("docs", "notebooks");
var figure1 = PaperMdps.OptspFigure1();
int star = figure1.StateIndex("star");
const double gamma = 0.6;

// ## 1. F(⋆) by enumeration, F_nd(⋆) by the search (which never lists F(⋆)), at several γ.
var all = VisitDistributionSet.Enumerate(figure1, star);
Console.WriteLine($"|F(star)| = {all.Count} ({all.PoliciesEnumerated} reach-restricted policies enumerated)");
string Describe(VisitDistributionFunction f) => string.Join(" ", f.PolicyOnReachedStates().Select(kv => $"{kv.Key}:{kv.Value}"));
var nd = NonDominatedSearch.Run(figure1, star, gamma);
Console.WriteLine($"|F_nd(star)| = {nd.Count} (method {nd.Method}, complete: {nd.IsComplete})");
foreach (double g in new[] { 0.05, 0.37, 0.9, 0.99 })
{
    var other = NonDominatedSearch.Run(figure1, star, g);
    bool same = other.Vertices.Select(v => v.Function).ToHashSet().SetEquals(nd.Vertices.Select(v => v.Function));
    Console.WriteLine($"  at γ = {g}: {other.Count} non-dominated, the same set as at γ = {gamma}: {same}");
    if (!same) throw new InvalidOperationException("F_nd(star) changed with γ");
}

// ## 2. The witnesses: for each vertex's reward r, policy iteration's optimal value from ⋆ is f·r, and the vertex wins
// ## by its certified margin over every other element of F(⋆).
var fAll = all.Evaluate(gamma);
foreach (var v in nd.Vertices)
{
    var r = v.Witness.ToArray();
    double own = v.Visits.Select((x, i) => x * r[i]).Sum();
    double vStar = PolicyIteration.Solve(figure1, r, gamma)[star];
    double runnerUp = fAll.Where(f => !f.SequenceEqual(v.Visits)).Max(f => f.Select((x, i) => x * r[i]).Sum());
    Console.WriteLine($"  {Describe(v.Function),-36} f·r = {own,9:F5}  V*(star) = {vStar,9:F5}  best other = {runnerUp,9:F5}");
    if (Math.Abs(own - vStar) > 1e-9 * Math.Max(1, Math.Abs(vStar)) || runnerUp >= own)
        throw new InvalidOperationException("a witness does not make its vertex the unique optimum");
}

// ## 3. An independent check: one LP per point of F(⋆) (NonDominationTest) finds the same five.
var lp = NonDominationTest.NonDominatedIndices(fAll.Select(f => (IReadOnlyList<double>)f).ToList());
var lpSet = lp.Select(i => all.Functions[i]).ToHashSet();
bool agree = lpSet.SetEquals(nd.Vertices.Select(v => v.Function));
Console.WriteLine($"LP on the enumerated F(star): {lp.Count} non-dominated, same as the search: {agree}");
if (!agree) throw new InvalidOperationException("the LP check disagrees with the search");

// ## 4. Which element of F(⋆) is optimal for random rewards? Draw r ~ uniform(0,1)^8 and count the argmax of f·r.
var random = new Random(3);
var wins = new int[all.Count];
const int draws = 20_000;
var reward = new double[figure1.StateCount];
for (int n = 0; n < draws; n++)
{
    for (int i = 0; i < reward.Length; i++) reward[i] = random.NextDouble();
    int best = 0;
    double bestValue = double.NegativeInfinity;
    for (int k = 0; k < fAll.Length; k++)
    {
        double value = fAll[k].Select((x, i) => x * reward[i]).Sum();
        if (value > bestValue) (best, bestValue) = (k, value);
    }
    wins[best]++;
}
var plot = new Plot();
var ticks = new ScottPlot.TickGenerators.NumericManual();
for (int k = 0; k < all.Count; k++)
{
    bool isVertex = lpSet.Contains(all.Functions[k]);
    Console.WriteLine($"  {(isVertex ? "ND " : "   ")}{Describe(all.Functions[k]),-36} optimal for {wins[k] / (double)draws:P1} of rewards");
    if (!isVertex && wins[k] > 0) throw new InvalidOperationException("a dominated visit distribution was strictly optimal");
    var bar = plot.Add.Bar(k, wins[k] / (double)draws);
    bar.Color = isVertex ? FigurePalette.Color(0) : Colors.Gray;
    ticks.AddMajor(k, $"f{k + 1}");
}
plot.Axes.Bottom.TickGenerator = ticks;
plot.Axes.SetLimits(-0.7, all.Count - 0.3, 0, 1.25 * wins.Max() / (double)draws);
plot.Legend.ManualItems.Add(new LegendItem { LabelText = "non-dominated (vertex of conv F)", FillColor = FigurePalette.Color(0) });
plot.Legend.ManualItems.Add(new LegendItem { LabelText = "dominated", FillColor = Colors.Gray });
plot.ShowLegend(Alignment.UpperRight);
plot.XLabel("visit distribution f ∈ F(star), in the order listed above");
plot.YLabel($"share of {draws} uniform rewards");
plot.Title($"Figure 1: which f ∈ F(star) is optimal at γ = {gamma}");
Directory.CreateDirectory(Path.Combine(here, "figures"));
foreach (var ext in new[] { "png", "svg" })
    Console.WriteLine("wrote " + FigureFile.Save(plot, Path.Combine(here, "figures", $"03-fig1-optimal-visit-distributions.{ext}"), 800, 500));

#!/usr/bin/env dotnet
#:project ../../src/PowerTheory.Plotting/PowerTheory.Plotting.csproj
#:property PublishAot=false

// # Notebook 2: a gridworld POWER map, and how it changes with γ
//
// Run with `dotnet run docs/notebooks/02-gridworld-power-map.cs`; the figures go to docs/notebooks/figures/.
//
// In a gridworld every open cell is a state (named r{row}c{col}) and the agent moves up/down/left/right or stays.
// POWER_D(s,γ) = (1−γ)/γ · E_{R~D}[V*_R(s,γ) − R(s)] (docs/theory.md §1.3) is the normalised value an agent at s can
// still get when rewards are drawn IID uniform(0,1). A far-sighted agent (γ near 1) values the cells from which many
// others can be reached; a myopic one (γ near 0) only values its next step, so every cell's POWER is close to the mean of
// the best of its neighbours' rewards. The maps below show both on the 7×7 maze of the POWERplay comparison.

using System.Globalization;
using PowerTheory.Environments;
using PowerTheory.Plotting;
using PowerTheory.Power;
using PowerTheory.Rewards;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("docs", "notebooks");
var figures = Path.Combine(here, "figures");
Directory.CreateDirectory(figures);
var maze = BuiltInEnvironments.Create("maze7");
var layout = GridLayout.FromStateNames(maze);
double[] gammas = [0.01, 0.3, 0.6, 0.9, 0.99];
var result = new PowerEstimator(maze, RewardSpecParser.Parse("uniform(0,1)", maze))
    .Estimate(gammas, new PowerOptions { Samples = 10_000, Seed = 2 });

// ## The maps as text: POWER per cell ('#' is a wall), with the most and least powerful cells.
foreach (double g in gammas)
{
    var at = result.At(g);
    Console.WriteLine($"γ = {g}: POWER (± ≤ {at.States.Max(s => s.Power.StandardError):F4})");
    for (int r = 0; r < layout.Rows; r++)
        Console.WriteLine("  " + string.Join(" ", Enumerable.Range(0, layout.Cols).Select(c =>
            layout.StateAt(r, c) is var s && s >= 0 ? at.Power(s).Mean.ToString("F3") : "  #  ")));
    var best = at.States.MaxBy(s => s.Power.Mean)!;
    var worst = at.States.MinBy(s => s.Power.Mean)!;
    Console.WriteLine($"  most POWER: {best.Name} {best.Power}; least: {worst.Name} {worst.Power}");
}

// ## How the ordering changes: Spearman rank correlation of the cells' POWER at the myopic and far-sighted ends.
static double[] Ranks(double[] x)
{
    var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
    var ranks = new double[x.Length];
    for (int k = 0; k < order.Length; k++) ranks[order[k]] = k;
    return ranks;
}
double[] PowerAt(double g) => result.At(g).States.Select(s => s.Power.Mean).ToArray();
var low = Ranks(PowerAt(0.01));
var high = Ranks(PowerAt(0.99));
double meanRank = (maze.StateCount - 1) / 2.0;
double rho = low.Zip(high, (a, b) => (a - meanRank) * (b - meanRank)).Sum()
             / Math.Sqrt(low.Sum(a => (a - meanRank) * (a - meanRank)) * high.Sum(b => (b - meanRank) * (b - meanRank)));
Console.WriteLine($"Spearman rank correlation of POWER at γ = 0.01 and γ = 0.99: {rho:F3}");
// At γ → 0 a cell's POWER is E[max of its successors' rewards] = k/(k+1) for k distinct successors (itself included):
// the corner r0c6 (2 successors) has 2/3 and the junction r2c3 (4 successors) 4/5 (docs/theory.md §4.2 item 1).
foreach (var (cell, k) in new[] { ("r0c6", 2), ("r2c3", 4) })
{
    var p = result.At(0.01).Power(cell);
    Console.WriteLine($"POWER({cell}, γ=0.01) = {p} vs k/(k+1) = {k / (k + 1.0):F4} for k = {k} (the limit at γ → 0)");
    if (Math.Abs(p.Mean - k / (k + 1.0)) > 0.02) throw new InvalidOperationException($"{cell}: far from the γ → 0 limit");
}

// ## The figures: a map per γ (PNG and SVG), and POWER against γ for a dead end, a corridor and the junction.
foreach (double g in new[] { 0.3, 0.9, 0.99 })
{
    var map = PowerMapPlot.Create(result, g);
    foreach (var ext in new[] { "png", "svg" })
        Console.WriteLine("wrote " + FigureFile.Save(map.Plot, Path.Combine(figures, $"02-maze7-power-gamma{g}.{ext}"), 800, 700));
}
var curve = PowerCurvePlot.Create(result, ["r0c6", "r1c0", "r2c3"], "maze7: a dead end (r0c6), a corridor (r1c0), a junction (r2c3)");
Console.WriteLine("wrote " + FigureFile.Save(curve, Path.Combine(figures, "02-maze7-power-curves.png"), 800, 500));

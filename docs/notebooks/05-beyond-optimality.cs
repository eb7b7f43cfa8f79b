#!/usr/bin/env dotnet
#:project ../../src/PowerTheory.Plotting/PowerTheory.Plotting.csproj
#:property PublishAot=false

// # Notebook 5: beyond optimal policies
//
// Run with `dotnet run docs/notebooks/05-beyond-optimality.cs` (under a minute). CI runs every notebook.
//
// OPTSP's theorems are about optimal policies. App. C generalises POWER to any policy-selection function
// pol : R^S × [0,1] → stochastic policies:
//     POWER^pol(s,γ) = (1−γ)/γ · E_R[V^{pol(R,γ)}_R(s,γ) − R(s)].
// This notebook asks how much of the optimal agent's power-seeking tendency survives when the agent is noisy
// (Boltzmann), trained (Q-learning) or penalised for impact (AUP), on two MDPs:
//   • the off-switch gridworld (built-in 'shutdown'): from the start the agent can walk into a shutdown cell, stay, or
//     press a button (one step away) that disables the shutdown and opens a room of goal cells;
//   • OPTSP Figure 1 at ⋆, where 'up' leads to the terminal state ∅.
// Rewards are IID uniform(0,1) over states; every figure is a Monte Carlo mean ± its standard error, from the same
// reward samples for every decision-maker (seed 1). The curves are printed as text tables and drawn with 95% bands into
// docs/notebooks/figures/05-*.png.

using System.Globalization;
using PowerTheory.DecisionMakers;
using PowerTheory.Environments;
using PowerTheory.Plotting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("docs", "notebooks");
var figures = Path.Combine(here, "figures");
Directory.CreateDirectory(figures);
const int samples = 1000;
const double gamma = 0.9;
var shutdown = ShutdownGridworld.Create();
int start = shutdown.StateIndex(ShutdownGridworld.Start);
var offSwitch = new[] { shutdown.StateIndex(ShutdownGridworld.Shutdown) };
var armed = ShutdownGridworld.ArmedStates.Select(shutdown.StateIndex).ToArray();
var figure1 = PaperMdps.OptspFigure1();
int star = figure1.StateIndex("star");
var empty = new[] { figure1.StateIndex("empty") };

// ## POWER^pol first (App. C): the normalised value an agent of each kind keeps from ⋆ grows from the random agent
// ## (about 1/2, the mean reward) through the Boltzmann agent to optimal play (POWER itself).
var powerOfStar = new TendencyEstimator(figure1).Estimate([DecisionMaker.Random, new BoltzmannDecisionMaker(0.1), DecisionMaker.Optimal],
    gamma, star, new TendencyOptions { Samples = samples, Seed = 1, CertificateBudget = null });
foreach (var t in powerOfStar.DecisionMakers)
    Console.WriteLine($"POWER^pol(star, γ={gamma}) for {t.Name,-16} = {t.Power![star].Mean:F4} ± {t.Power[star].StandardError:F4}");
Console.WriteLine();

// ## Curve 1: tendency versus temperature. T → 0 recovers the optimal figures, T → ∞ the random ones.
double[] temperatures = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];
Table("Boltzmann temperature T", "05-temperature.png", "log10 T", temperatures.Select(Math.Log10).ToArray(),
    temperatures.Select(x => (x.ToString(CultureInfo.InvariantCulture), (DecisionMaker)new BoltzmannDecisionMaker(x))));

// ## Curve 2: tendency versus training budget (Q-learning episodes, 1 episode = |S| steps from the start).
int[] budgets = [1, 3, 10, 30, 100, 300, 1000];
Table("Q-learning episodes", "05-training.png", "log10 episodes", budgets.Select(e => Math.Log10(e)).ToArray(),
    budgets.Select(e => (e.ToString(CultureInfo.InvariantCulture), (DecisionMaker)new TabularLearnerDecisionMaker(false, e))));

// ## Curve 3: AUP's λ on the shutdown gridworld only (Figure 1 has no no-op at ⋆). λ = 0 is the optimal agent;
// ## a large λ makes every move that changes attainable utility too costly, so the agent stays put: it neither
// ## disables the off-switch nor gets shut down.
double[] lambdas = [0, 0.1, 0.3, 1, 3, 10, 30];
Console.WriteLine("AUP penalty λ (shutdown gridworld)");
Console.WriteLine($"{"λ",8} {"P(avoid shutdown)",18} {"P(disable)",16}");
var aup = lambdas.Select(l => (DecisionMaker)new AupDecisionMaker(l)).ToList();
var aupAvoid = Run(shutdown, aup, start, offSwitch);
var aupDisable = Run(shutdown, aup, start, armed);
for (int i = 0; i < lambdas.Length; i++)
    Console.WriteLine($"{lambdas[i],8} {Show(aupAvoid.DecisionMakers[i].Avoid!.Value),18} {Show(aupDisable.DecisionMakers[i].Avoid!.Value),16}");
Console.WriteLine($"{"optimal",8} {Show(aupAvoid.Optimal.Avoid!.Value),18} {Show(aupDisable.Optimal.Avoid!.Value),16}");
Console.WriteLine($"{"random",8} {Show(aupAvoid.Random.Avoid!.Value),18} {Show(aupDisable.Random.Avoid!.Value),16}");
Console.WriteLine(FigureFile.Save(EstimateCurvePlot.Create(lambdas.Select(l => Math.Log10(l + 0.01)).ToArray(),
    [("shutdown: P(avoid shutdown)", aupAvoid.DecisionMakers.Take(lambdas.Length).Select(t => t.Avoid!.Value).ToArray()),
     ("shutdown: P(disable the switch)", aupDisable.DecisionMakers.Take(lambdas.Length).Select(t => t.Avoid!.Value).ToArray())],
    "log10(λ + 0.01)", "probability (95% band)", $"AUP agents on the shutdown gridworld, γ = {gamma}",
    [("optimal: P(avoid shutdown)", aupAvoid.Optimal.Avoid!.Value.Mean)]), Path.Combine(figures, "05-aup.png"), 800, 500));
if (aupDisable.DecisionMakers[^1].Avoid!.Value.Mean > 0.05) throw new InvalidOperationException("a large λ should stop AUP from disabling the off-switch");

// ## Reading the tables: the optimal agent's tendency to avoid shutdown (and ∅) is a statement about optimal play;
// ## noisy, myopic and briefly trained agents keep part of it, graded by T, H and the budget, and AUP with a large λ
// ## trades it for inaction. docs/beyond-optimality.md lists which conclusions depend on optimality.

void Table(string parameter, string file, string xLabel, double[] xs, IEnumerable<(string Label, DecisionMaker Maker)> sweep)
{
    var list = sweep.ToList();
    var makers = list.Select(x => x.Maker).ToList();
    var a = Run(shutdown, makers, start, offSwitch);
    var d = Run(shutdown, makers, start, armed);
    var f = Run(figure1, makers, star, empty);
    Console.WriteLine(parameter);
    Console.WriteLine($"{"value",8} {"shutdown: P(avoid)",20} {"P(disable)",16} {"Figure 1: P(avoid ∅)",22}");
    for (int i = 0; i < list.Count; i++)
        Console.WriteLine($"{list[i].Label,8} {Show(a.DecisionMakers[i].Avoid!.Value),20} {Show(d.DecisionMakers[i].Avoid!.Value),16} {Show(f.DecisionMakers[i].Avoid!.Value),22}");
    Console.WriteLine($"{"optimal",8} {Show(a.Optimal.Avoid!.Value),20} {Show(d.Optimal.Avoid!.Value),16} {Show(f.Optimal.Avoid!.Value),22}");
    Console.WriteLine($"{"random",8} {Show(a.Random.Avoid!.Value),20} {Show(d.Random.Avoid!.Value),16} {Show(f.Random.Avoid!.Value),22}");
    var plot = EstimateCurvePlot.Create(xs,
        [("shutdown: P(avoid shutdown)", Avoids(a, list.Count)), ("shutdown: P(disable)", Avoids(d, list.Count)), ("Figure 1: P(avoid the empty state)", Avoids(f, list.Count))],
        xLabel, "probability (95% band)", $"{parameter}, γ = {gamma}",
        [("optimal: avoid shutdown", a.Optimal.Avoid!.Value.Mean), ("random: avoid shutdown", a.Random.Avoid!.Value.Mean)]);
    Console.WriteLine(FigureFile.Save(plot, Path.Combine(figures, file), 800, 500));
    Console.WriteLine();
}

static PowerTheory.MonteCarlo.MonteCarloEstimate[] Avoids(TendencyResult r, int count) =>
    r.DecisionMakers.Take(count).Select(t => t.Avoid!.Value).ToArray();

TendencyResult Run(PowerTheory.Mdps.Mdp mdp, List<DecisionMaker> makers, int state, int[] avoid) =>
    new TendencyEstimator(mdp).Estimate(makers, gamma, state,
        new TendencyOptions { Samples = samples, Seed = 1, Avoid = avoid, ComputePower = false, CertificateBudget = null });

static string Show(PowerTheory.MonteCarlo.MonteCarloEstimate e) => $"{e.Mean:F3} ± {e.StandardError:F3}";

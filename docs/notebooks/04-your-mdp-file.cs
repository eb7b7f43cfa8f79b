#!/usr/bin/env dotnet
#:project ../../src/PowerTheory.Plotting/PowerTheory.Plotting.csproj
#:property PublishAot=false

// # Notebook 4: from your own MDP file (in another tool's format) to POWER and a plot
//
// Run with `dotnet run docs/notebooks/04-your-mdp-file.cs`; the figures go to docs/notebooks/figures/.
//
// Suppose you already have a model from a probabilistic model checker. Storm writes its explicit "DRN" format; PRISM
// writes `.tra` (transitions) and `.lab` (labels) files. PowerTheory reads both (the PowerTheory.IO assembly, docs/formats.md), so
// the model goes straight into the POWER engine. Here the "user's file" is a small stochastic MDP written below in DRN:
// from state 0 the agent may gamble (reach state 1 or 2 with probability 1/2 each) or play safe (reach state 3); all three
// end states are absorbing. This is the closed-form example of docs/theory.md §4.2 item 5: for IID uniform(0,1) rewards,
// POWER(0, γ) = E[max((X₁ + X₂)/2, X₃)] for every γ. With Y = (X₁ + X₂)/2 (mean 1/2, variance 1/24),
// E[max(Y, X₃)] = E[Y] + E[(X₃ − Y)⁺] = 1/2 + E[(1 − Y)²]/2 = 1/2 + (1/24 + 1/4)/2 = 31/48 ≈ 0.6458, and each first action
// is optimal with probability 1/2 (by symmetry, P(Y > X₃) = 1/2).

using System.Globalization;
using PowerTheory.IO.Formats;
using PowerTheory.Plotting;
using PowerTheory.Power;
using PowerTheory.Rewards;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("docs", "notebooks");
var figures = Path.Combine(here, "figures");
Directory.CreateDirectory(figures);
var work = Directory.CreateTempSubdirectory("powertheory-notebook4-").FullName;

// ## The user's file, in Storm's DRN format
string drnPath = Path.Combine(work, "gamble.drn");
File.WriteAllText(drnPath, """
    // a gamble against a safe choice
    @type: MDP
    @nr_states
    4
    @nr_choices
    5
    @model
    state 0 init
        action gamble
            1 : 1/2
            2 : 1/2
        action safe
            3 : 1
    state 1 win
        action stay
            1 : 1
    state 2 lose
        action stay
            2 : 1
    state 3 sure
        action stay
            3 : 1
    """);

// ## Import it: the format is picked from the extension; the notes say what the conversion changed (nothing here).
var import = MdpFormats.Load(drnPath);
var mdp = import.Mdp;
Console.WriteLine($"imported {mdp}: states {string.Join(", ", mdp.StateNames)}");
foreach (var note in import.Notes) Console.WriteLine($"  note: {note}");

// ## POWER at several discounts, with standard errors, against the closed form 31/48.
double[] gammas = [0.1, 0.5, 0.9, 0.99];
var result = new PowerEstimator(mdp, RewardSpecParser.Parse("uniform(0,1)", mdp))
    .Estimate(gammas, new PowerOptions { Samples = 20_000, Seed = 4 });
const double closedForm = 31.0 / 48;
foreach (var at in result.ByGamma)
{
    var p = at.Power("0");
    double z = (p.Mean - closedForm) / p.StandardError;
    Console.WriteLine($"γ = {at.Gamma}: POWER(0) = {p.Mean:F4} ± {p.StandardError:F4} (closed form {closedForm:F4}, z = {z:F2}); " +
        $"P(gamble optimal) = {at.OptimalityProbability("0", "gamble").Mean:F3}, certified |V̂ − V*| ≤ {at.Certification.MaxValueErrorBound:G2}");
    if (Math.Abs(z) > 4) throw new InvalidOperationException($"POWER(0) at γ = {at.Gamma} is {z:F1} standard errors from 31/48");
}

// ## The same model through a second format: convert to PRISM explicit files and back, and check the POWER agrees.
var saved = MdpFormats.Save(import.Document, Path.Combine(work, "gamble.tra"), MdpFormat.Prism);
Console.WriteLine($"wrote {string.Join(", ", saved.Files.Select(Path.GetFileName))}");
var again = MdpFormats.Load(Path.Combine(work, "gamble.tra")).Mdp;
var resultAgain = new PowerEstimator(again, RewardSpecParser.Parse("uniform(0,1)", again))
    .Estimate(gammas, new PowerOptions { Samples = 20_000, Seed = 4 });
Console.WriteLine($"round trip through PRISM: same model {again.Equals(mdp)}, same POWER(0) at γ = 0.9: " +
    $"{resultAgain.At(0.9).Power("0").Mean == result.At(0.9).Power("0").Mean}");

// ## Figures: POWER against γ with 95% bands, and the optimality probabilities of state 0's actions.
Console.WriteLine(FigureFile.Save(PowerCurvePlot.Create(result, ["0", "3"], "POWER of the start and a sure end state"),
    Path.Combine(figures, "04-power-curve.png"), 800, 500));
Console.WriteLine(FigureFile.Save(OptimalityPlot.Create(result, 0.9, ["0"], "Which first action is optimal (γ = 0.9)"),
    Path.Combine(figures, "04-optimality.svg"), 800, 500));
Directory.Delete(work, recursive: true);

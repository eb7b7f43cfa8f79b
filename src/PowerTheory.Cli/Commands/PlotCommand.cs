using System.CommandLine;
using PowerTheory.Cli.Common;
using PowerTheory.Plotting;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory plot power-map|power-curve|optimality|diagram MDP ... --out FILE</c>: figures of POWER results
/// (PNG or SVG by the output's extension), drawn by the PowerTheory.Plotting project. The POWER numbers are the
/// <c>power</c> command's Monte Carlo estimates for the same --samples, --seed and --reward.
/// </summary>
public static class PlotCommand
{
    /// <summary>Creates the command and its subcommands.</summary>
    public static Command Create(CliContext context) =>
        new("plot", "Figures (PNG or SVG by the --out extension): a gridworld POWER map, POWER-versus-gamma curves, action optimality bars, an MDP diagram.")
        {
            PowerMap(context),
            PowerCurve(context),
            Optimality(context),
            PlotDiagramCommand.Create(context),
        };

    private static Command PowerMap(CliContext context)
    {
        var shared = new PlotOptions("Discount in [0, 1] (0 and 1 are the limits). Defaults to the MDP file's 'gamma'.", "G");
        var command = shared.Command("power-map",
            "Heat map of POWER over a gridworld (states named r{row}c{col}) with the value in each cell.");
        command.SetAction(parseResult =>
        {
            var loaded = Load(shared, parseResult);
            GridLayout.FromStateNames(loaded.Mdp); // not a gridworld: say so before sampling
            var result = shared.Estimate(context, parseResult, loaded, single: true);
            var map = PowerMapPlot.Create(result, result.ByGamma[0].Gamma, shared.Title(parseResult));
            if (!map.CellsLabelled)
                context.Diagnostic($"note: {result.Mdp.StateCount} open cells (> {PowerMapPlot.MaxLabelledCells}): " +
                                   "the cells are coloured but not labelled with their values.");
            shared.Save(context, parseResult, map.Plot,
                $"POWER map of {loaded.Source} ({map.Layout.Rows}x{map.Layout.Cols} grid, {result.Mdp.StateCount} states)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command PowerCurve(CliContext context)
    {
        var shared = new PlotOptions(
            "Discounts in [0, 1], comma-separated (default 0,0.1,...,0.9,0.95,0.99,1; 0 and 1 are the limits).", "G,G...",
            defaultGammas: "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95,0.99,1");
        var states = StatesOption();
        var command = shared.Command("power-curve", "POWER versus gamma for chosen states, with 95% bands.");
        command.Options.Add(states);
        command.SetAction(parseResult =>
        {
            var loaded = Load(shared, parseResult);
            var names = SplitStates(parseResult.GetValue(states));
            FigurePalette.StateIndices(loaded.Mdp, names); // unknown states: say so before sampling
            var result = shared.Estimate(context, parseResult, loaded, single: false);
            var plot = PowerCurvePlot.Create(result, names, shared.Title(parseResult));
            shared.Save(context, parseResult, plot, $"POWER curves of {loaded.Source} at {result.ByGamma.Count} discounts");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Optimality(CliContext context)
    {
        var shared = new PlotOptions("Discount in [0, 1] (0 and 1 are the limits). Defaults to the MDP file's 'gamma'.", "G");
        var states = StatesOption();
        var command = shared.Command("optimality",
            "Bars of P(action optimal) for every action of chosen states, with 95% error bars.");
        command.Options.Add(states);
        command.SetAction(parseResult =>
        {
            var loaded = Load(shared, parseResult);
            var names = SplitStates(parseResult.GetValue(states));
            FigurePalette.StateIndices(loaded.Mdp, names);
            var result = shared.Estimate(context, parseResult, loaded, single: true);
            var plot = OptimalityPlot.Create(result, result.ByGamma[0].Gamma, names,
                shared.Title(parseResult));
            shared.Save(context, parseResult, plot, $"action optimality of {loaded.Source}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checks the --out extension (before any sampling) and loads the MDP.</summary>
    private static MdpSource.Loaded Load(PlotOptions shared, ParseResult parseResult)
    {
        FigureFile.FormatOf(shared.Out(parseResult));
        return shared.Load(parseResult);
    }

    private static Option<string> StatesOption() => new("--states")
    {
        Description = $"States to draw, comma-separated (1 to {FigurePalette.Size}).",
        HelpName = "s1,s2",
        Required = true,
    };

    private static string[] SplitStates(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

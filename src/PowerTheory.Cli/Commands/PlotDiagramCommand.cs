using System.CommandLine;
using PowerTheory.Cli.Common;
using PowerTheory.Plotting;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory plot diagram MDP --out FILE.dot|FILE.svg [--gamma G ...]</c>: the MDP as a Graphviz DOT digraph,
/// rendered to SVG by Graphviz's <c>dot</c> when the output ends in .svg. With --gamma the states are coloured by
/// their POWER estimate. Without <c>dot</c> on the PATH an .svg request writes the .dot beside it and fails with the
/// install instructions.
/// </summary>
public static class PlotDiagramCommand
{
    /// <summary>Creates the subcommand.</summary>
    public static Command Create(CliContext context)
    {
        var shared = new PlotOptions("Colour the states by POWER at this discount in [0, 1] (default: no colouring).", "G",
            outDescription: "Output file: .dot (Graphviz source) or .svg (needs Graphviz's 'dot' on the PATH).");
        var command = shared.Command("diagram",
            "The MDP as a Graphviz diagram (.dot, or .svg rendered by Graphviz's 'dot'), optionally coloured by POWER.",
            figure: false);
        command.SetAction(parseResult =>
        {
            var output = shared.Out(parseResult);
            var extension = Path.GetExtension(output).ToLowerInvariant();
            if (extension is not (".dot" or ".gv" or ".svg"))
                throw new CliUsageException($"--out '{output}' has extension '{extension}'; a diagram is written as .dot, .gv or .svg.");
            var loaded = shared.Load(parseResult);
            IReadOnlyList<double>? power = null;
            if (shared.HasGamma(parseResult))
            {
                var at = shared.Estimate(context, parseResult, loaded, single: true).ByGamma[0];
                power = at.States.Select(s => s.Power.Mean).ToArray();
            }
            var dot = MdpDiagram.ToDot(loaded.Mdp, power);
            var what = $"diagram of {loaded.Source} ({loaded.Mdp.StateCount} states{(power is null ? "" : ", coloured by POWER")})";
            if (extension != ".svg")
            {
                shared.WriteText(parseResult, output, dot);
                context.Out.WriteLine($"wrote {Path.GetFullPath(output)}: {what}");
                return ExitCodes.Ok;
            }
            if (!GraphvizRenderer.TryFindDot(out _))
            {
                var dotPath = Path.ChangeExtension(output, ".dot");
                shared.WriteText(parseResult, dotPath, dot);
                throw new CliUsageException(
                    $"cannot render {output}: Graphviz 'dot' is not on the PATH; wrote the DOT source to {dotPath} instead; " +
                    $"{GraphvizRenderer.InstallHint} (or run 'dot -Tsvg {dotPath} -o {output}' elsewhere).");
            }
            OutputFile.Guard(output, "--out", () => GraphvizRenderer.RenderSvg(dot, output));
            context.Out.WriteLine($"wrote {Path.GetFullPath(output)}: {what}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

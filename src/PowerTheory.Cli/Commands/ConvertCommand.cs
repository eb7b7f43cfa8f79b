using System.CommandLine;
using PowerTheory.Cli.Common;
using PowerTheory.IO.Formats;
using PowerTheory.Power;
using PowerTheory.Rewards;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory convert IN OUT [--from F] [--to F] [--force] [--power G [--samples N] [--seed K]]</c>: reads a model in
/// any importable format (or a built-in environment) and writes it in another — canonical JSON, DRN, PRISM
/// <c>.tra</c>/<c>.lab</c>/<c>.srew</c>, gym-P JSON, POWERplay <c>.gv</c>, or a DOT diagram, optionally with each state
/// coloured by its Monte Carlo POWER at γ = G. What the target format cannot hold is listed as <c>note:</c> lines.
/// </summary>
public static class ConvertCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("IN") { Description = MdpSource.ArgumentDescription };
        var output = new Argument<string>("OUT") { Description = "The file to write (format from its extension unless --to), or '-' for standard output." };
        string names = string.Join("|", MdpFormats.Names);
        var from = new Option<string>("--from") { Description = "Format of IN (default: by extension; .json is canonical JSON or gym-P by content).", HelpName = names };
        var to = new Option<string>("--to") { Description = "Format of OUT (default: by extension: .json .drn .tra .gv .dot; gym-P needs --to gym).", HelpName = names };
        var force = new Option<bool>("--force") { Description = "Overwrite OUT (and the .lab/.srew files beside a .tra) if they exist." };
        var power = DiscountOption.Single("--power", null, "DOT only: colour each state by its POWER at this γ in [0, 1] (uniform(0,1) rewards unless the file sets 'reward').");
        var sampling = new SamplingOptions(defaultSamples: 2000, purpose: "for --power");
        var samples = sampling.Samples;
        var seed = sampling.Seed;
        var command = new Command("convert", "Convert an MDP between formats: json, drn, prism (.tra), gym (gym-P JSON), gv (POWERplay), dot (diagram, write only).")
        {
            input, output, from, to, force, power, samples, seed,
        };
        command.SetAction(parseResult =>
        {
            var inPath = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            MdpFormat? fromFormat = ParseFormat(parseResult.GetValue(from), "--from");
            if (fromFormat == MdpFormat.Dot) throw new CliUsageException("--from dot: DOT is a diagram format and cannot be read; POWERplay graphs are --from gv.");
            MdpFormat toFormat = ParseFormat(parseResult.GetValue(to), "--to")
                ?? (outPath == "-" ? throw new CliUsageException("OUT is '-' (standard output): give the format with --to.")
                    : MdpFormats.FromPath(outPath)
                    ?? throw new CliUsageException($"cannot tell the format of OUT '{outPath}' from its extension; use .json .drn .tra .gv .dot or pass --to {names}."));
            var loaded = MdpSource.Load(inPath, fromFormat);
            foreach (var note in loaded.Notes) context.Diagnostic($"note: {inPath}: {note}");
            Dictionary<string, double>? values = null;
            string? valueName = null;
            if (parseResult.GetValue(power) is { } powerGamma)
            {
                if (toFormat != MdpFormat.Dot) throw new CliUsageException("--power colours a DOT diagram; use it with a .dot OUT or --to dot.");
                if (!(powerGamma >= 0 && powerGamma <= 1))
                    throw new CliUsageException($"--power must be a discount in [0, 1] (0 and 1 are the limits); got {Numbers.RoundTrip(powerGamma)}.");
                double[] gamma = [powerGamma];
                var (n, seedValue, _) = sampling.Read(parseResult);
                var distribution = RewardSpecParser.Build(loaded.Mdp, loaded.Document.RewardSpec);
                var at = new PowerEstimator(loaded.Mdp, distribution)
                    .Estimate(gamma[0], new PowerOptions { Samples = n, Seed = seedValue });
                values = Enumerable.Range(0, loaded.Mdp.StateCount).ToDictionary(s => loaded.Mdp.StateNames[s], s => at.Power(s).Mean);
                valueName = $"POWER at γ = {Numbers.RoundTrip(gamma[0])} ({n} samples)";
            }
            var (files, notes) = MdpFormats.Render(loaded.Document, outPath == "-" ? "stdout" : outPath, toFormat, values, valueName);
            foreach (var note in notes) context.Diagnostic($"note: {note}");
            if (outPath == "-")
            {
                if (files.Count > 1) throw new CliUsageException("PRISM output needs several files (.tra, .lab, .srew); give OUT a file name.");
                context.Out.Write(files[0].Text);
                return ExitCodes.Ok;
            }
            ModelFileOutput.Write(context, outPath, toFormat, files, parseResult.GetValue(force));
            context.Diagnostic($"wrote {string.Join(", ", files.Select(f => f.Path))} ({MdpFormats.NameOf(toFormat)}, {loaded.Mdp.StateCount} states)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static MdpFormat? ParseFormat(string? text, string option)
    {
        if (text is null) return null;
        try
        {
            return MdpFormats.ParseName(text);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"{option} must be one of {string.Join(", ", MdpFormats.Names)}; got '{text}'.");
        }
    }
}

using System.CommandLine;
using PowerTheory.Cli.Common;
using PowerTheory.Plotting;
using PowerTheory.Power;
using PowerTheory.Rewards;
using ScottPlot;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// The options the <c>plot</c> subcommands share (MDP, --gamma, --samples, --seed, --reward, --threads, --out and, for
/// ScottPlot figures, --width, --height, --title) and the POWER estimate they describe.
/// </summary>
/// <param name="gammaDescription">Help of --gamma.</param>
/// <param name="gammaHelp">Placeholder of --gamma's value.</param>
/// <param name="defaultGammas">The discounts when --gamma is absent (null: the MDP file's gamma).</param>
/// <param name="outDescription">Help of --out.</param>
internal sealed class PlotOptions(string gammaDescription, string gammaHelp, string? defaultGammas = null,
    string outDescription = "Output file: .png or .svg.")
{
    private const string GammaName = "--gamma";
    private readonly Argument<string> _mdp = new("MDP") { Description = MdpSource.ArgumentDescription };
    private readonly Option<IReadOnlyList<double>?> _gamma = DiscountOption.List(GammaName, "-g", gammaDescription, gammaHelp);
    private readonly SamplingOptions _sampling = new();
    private readonly RewardOptions _rewards = new();
    private readonly Option<string> _out = new("--out", "-o") { Description = outDescription, HelpName = "FILE", Required = true };
    private readonly Option<int> _width = new Option<int>("--width")
    {
        Description = $"Width in pixels, {FigureFile.MinPixels} to {FigureFile.MaxPixels} (default 800).",
        DefaultValueFactory = _ => 800,
    }.Whole(FigureFile.MinPixels, FigureFile.MaxPixels);
    private readonly Option<int> _height = new Option<int>("--height")
    {
        Description = $"Height in pixels, {FigureFile.MinPixels} to {FigureFile.MaxPixels} (default 600).",
        DefaultValueFactory = _ => 600,
    }.Whole(FigureFile.MinPixels, FigureFile.MaxPixels);
    private readonly Option<string> _title = new("--title") { Description = "Figure title (default: describes the estimate)." };
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite --out if it exists." };

    /// <summary>A subcommand with the shared options; <paramref name="figure"/> adds --width, --height and --title.</summary>
    public Command Command(string name, string description, bool figure = true)
    {
        var command = new Command(name, description) { _mdp, _gamma, _sampling.Samples, _sampling.Seed, _rewards.Law, _rewards.StateOverrides, _rewards.Ties, _sampling.Threads, _out, _force };
        if (figure)
        {
            command.Options.Add(_width);
            command.Options.Add(_height);
            command.Options.Add(_title);
        }
        return command;
    }

    /// <summary>The --out path.</summary>
    public string Out(ParseResult parseResult) => parseResult.GetValue(_out)!;

    /// <summary>Applies the output-file rule (<see cref="OutputFile.CheckWritable"/>) to <paramref name="path"/>: before
    /// any work, so that a bad --out fails at once.</summary>
    public void CheckOut(ParseResult parseResult, string path) => OutputFile.CheckWritable(path, parseResult.GetValue(_force), "--out");

    /// <summary>Writes text to <paramref name="path"/> under the output-file rule.</summary>
    public void WriteText(ParseResult parseResult, string path, string text)
    {
        CheckOut(parseResult, path);
        OutputFile.Write(path, text, "--out");
    }

    /// <summary>The --title, or null for the default title.</summary>
    public string? Title(ParseResult parseResult) => parseResult.GetValue(_title);

    /// <summary>True when --gamma was given (or has a default).</summary>
    public bool HasGamma(ParseResult parseResult) => parseResult.GetValue(_gamma) is not null || defaultGammas is not null;

    /// <summary>Checks --out (the output-file rule), then loads the MDP.</summary>
    public MdpSource.Loaded Load(ParseResult parseResult)
    {
        CheckOut(parseResult, Out(parseResult));
        return MdpSource.Load(parseResult.GetValue(_mdp));
    }

    /// <summary>
    /// Estimates POWER of <paramref name="loaded"/> at the --gamma discounts (exactly one when <paramref name="single"/>)
    /// and writes its degradations as warnings.
    /// </summary>
    public PowerResult Estimate(CliContext context, ParseResult parseResult, MdpSource.Loaded loaded, bool single)
    {
        var (n, seed, t) = _sampling.Read(parseResult);
        var gammas = parseResult.GetValue(_gamma)
            ?? (defaultGammas is null ? DiscountOption.Resolve(null, loaded.Document.Gamma, GammaName) : DiscountListParser.Parse(defaultGammas, null, GammaName));
        if (single && gammas.Count != 1)
            throw new CliUsageException($"{GammaName} takes one discount for this figure; got {gammas.Count}.");
        var distribution = _rewards.Build(parseResult, loaded.Mdp, loaded.Document.RewardSpec);
        var options = new PowerOptions { Samples = n, Seed = seed, Threads = t };
        var result = new PowerEstimator(loaded.Mdp, distribution).Estimate(gammas, options);
        DegradationOutput.Warn(context, result.Degradations);
        return result;
    }

    /// <summary>Saves <paramref name="plot"/> to --out at --width × --height and reports the file on standard output.</summary>
    public void Save(CliContext context, ParseResult parseResult, Plot plot, string what)
    {
        var output = Out(parseResult);
        CheckOut(parseResult, output);
        string path = output;
        OutputFile.Guard(output, "--out", () => path = FigureFile.Save(plot, output, parseResult.GetValue(_width), parseResult.GetValue(_height)));
        context.Out.WriteLine($"wrote {path}: {what}");
    }
}

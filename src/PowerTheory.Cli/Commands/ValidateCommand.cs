using System.CommandLine;
using System.Globalization;
using PowerTheory.Cli.Common;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory validate MDP [--format text|json]</c>: loads and validates an MDP and prints a one-line summary
/// (states, state-action pairs, transitions, deterministic or stochastic); exit 1 with the error line when invalid.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var mdpArgument = new Argument<string>("MDP") { Description = MdpSource.ArgumentDescription };
        var format = OutputFormatOption.Create();
        var command = new Command("validate", "Check an MDP file and print a one-line summary.")
        {
            mdpArgument,
            format,
        };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            var source = parseResult.GetValue(mdpArgument);
            MdpSource.Loaded loaded;
            try
            {
                loaded = MdpSource.Load(source, context);
            }
            catch (CliUsageException e) when (outputFormat == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("source", source);
                    w.WriteBoolean("valid", false);
                    w.WriteString("error", e.Message);
                    w.WriteEndObject();
                });
                throw;
            }
            Write(context, loaded, outputFormat);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(CliContext context, MdpSource.Loaded loaded, OutputFormat format)
    {
        var mdp = loaded.Mdp;
        int terminals = Enumerable.Range(0, mdp.StateCount).Count(s => mdp.IsTerminal(s));
        string kind = mdp.IsDeterministic ? "deterministic" : "stochastic";
        switch (format)
        {
            case OutputFormat.Text:
                context.Out.WriteLine(
                    $"ok: {Describe(loaded)}: {mdp.StateCount} states, {mdp.StateActionCount} state-action pairs, " +
                    $"{mdp.TransitionCount} transitions, {kind}" +
                    (terminals > 0 ? $", {terminals} terminal state{(terminals == 1 ? "" : "s")}" : ""));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(context.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("source", loaded.Source);
                    w.WriteBoolean("valid", true);
                    // Every documented field is always present: an MDP without a name has "name": null, a file
                    // without a discount "gamma": null.
                    if (mdp.Name is not null) w.WriteString("name", mdp.Name);
                    else w.WriteNull("name");
                    w.WriteBoolean("builtIn", loaded.IsBuiltIn);
                    w.WriteNumber("states", mdp.StateCount);
                    w.WriteNumber("stateActions", mdp.StateActionCount);
                    w.WriteNumber("transitions", mdp.TransitionCount);
                    w.WriteBoolean("deterministic", mdp.IsDeterministic);
                    w.WriteNumber("terminalStates", terminals);
                    if (loaded.Document.Gamma is { } g) w.WriteNumber("gamma", g);
                    else w.WriteNull("gamma");
                    w.WriteBoolean("hasRewards", loaded.Document.Rewards is not null);
                    w.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                CsvOutput.WriteRow(context.Out, "source", "name", "states", "stateActions", "transitions", "deterministic", "terminalStates");
                CsvOutput.WriteRow(context.Out, loaded.Source, mdp.Name ?? "", mdp.StateCount.ToString(CultureInfo.InvariantCulture),
                    mdp.StateActionCount.ToString(CultureInfo.InvariantCulture), mdp.TransitionCount.ToString(CultureInfo.InvariantCulture), mdp.IsDeterministic ? "true" : "false",
                    terminals.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The source as shown in text output: the path, plus the model name when it differs.</summary>
    internal static string Describe(MdpSource.Loaded loaded) =>
        loaded.IsBuiltIn ? $"built-in '{loaded.Source}'"
        : loaded.Mdp.Name is { } name ? $"{loaded.Source} ({name})"
        : loaded.Source;
}

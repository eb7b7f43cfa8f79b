using System.CommandLine;
using System.Globalization;
using PowerTheory.Cli.Common;
using PowerTheory.Environments;
using PowerTheory.Mdps.Formats;
using Spectre.Console;

namespace PowerTheory.Cli.Commands;

/// <summary>
/// <c>powertheory env list [--format F]</c> and <c>powertheory env export NAME OUT [--force]</c>: the built-in
/// environments of <see cref="BuiltInEnvironments"/>.
/// </summary>
public static class EnvCommand
{
    /// <summary>Creates the <c>env</c> command group.</summary>
    public static Command Create(CliContext context) =>
        new("env", "Built-in environments: list them or export one as a JSON MDP file.")
        {
            CreateList(context),
            CreateExport(context),
        };

    /// <summary>Creates <c>env list</c>.</summary>
    public static Command CreateList(CliContext context)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List the built-in environments with their sizes.") { format };
        command.SetAction(parseResult =>
        {
            var outputFormat = OutputFormatOption.Parse(parseResult.GetValue(format));
            var rows = BuiltInEnvironments.All.Select(e => (Env: e, Mdp: e.Create())).ToList();
            switch (outputFormat)
            {
                case OutputFormat.Text:
                    var table = new Table { Border = TableBorder.Simple };
                    table.AddColumn("name");
                    table.AddColumn(new TableColumn("states").RightAligned());
                    table.AddColumn(new TableColumn("actions").RightAligned());
                    table.AddColumn("kind");
                    table.AddColumn("description");
                    foreach (var (env, mdp) in rows)
                    {
                        table.AddRow(env.Name, Invariant(mdp.StateCount), Invariant(mdp.StateActionCount),
                            mdp.IsDeterministic ? "deterministic" : "stochastic", Markup.Escape(env.Description));
                    }
                    context.Write(table);
                    break;
                case OutputFormat.Json:
                    JsonOutput.Write(context.Out, w =>
                    {
                        w.WriteStartArray();
                        foreach (var (env, mdp) in rows)
                        {
                            w.WriteStartObject();
                            w.WriteString("name", env.Name);
                            w.WriteNumber("states", mdp.StateCount);
                            w.WriteNumber("stateActions", mdp.StateActionCount);
                            w.WriteNumber("transitions", mdp.TransitionCount);
                            w.WriteBoolean("deterministic", mdp.IsDeterministic);
                            w.WriteString("description", env.Description);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    });
                    break;
                case OutputFormat.Csv:
                    CsvOutput.WriteRow(context.Out, "name", "states", "stateActions", "transitions", "deterministic", "description");
                    foreach (var (env, mdp) in rows)
                    {
                        CsvOutput.WriteRow(context.Out, env.Name, Invariant(mdp.StateCount), Invariant(mdp.StateActionCount),
                            Invariant(mdp.TransitionCount), mdp.IsDeterministic ? "true" : "false", env.Description);
                    }
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Creates <c>env export NAME OUT</c>.</summary>
    public static Command CreateExport(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A built-in environment name (see 'powertheory env list')." };
        var output = new Argument<string>("OUT") { Description = "The JSON file to write, or '-' for standard output." };
        var force = new Option<bool>("--force") { Description = "Overwrite OUT if it exists." };
        var command = new Command("export", "Write a built-in environment as a canonical JSON MDP file.") { name, output, force };
        command.SetAction(parseResult =>
        {
            var envName = parseResult.GetValue(name)!;
            var path = parseResult.GetValue(output)!;
            if (!BuiltInEnvironments.TryGet(envName, out var env))
                throw new CliUsageException(
                    $"unknown environment '{envName}'; known: {string.Join(", ", BuiltInEnvironments.Names)}.");
            var mdp = env.Create();
            var json = MdpJson.ToJson(mdp);
            if (path == "-")
            {
                context.Out.WriteLine(json);
                return ExitCodes.Ok;
            }
            if (Directory.Exists(path))
                throw new CliUsageException($"OUT '{path}' is a directory; give a file name.");
            if (File.Exists(path) && !parseResult.GetValue(force))
                throw new CliUsageException($"OUT '{path}' already exists; pass --force to overwrite it.");
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && !Directory.Exists(directory))
                throw new CliUsageException($"cannot write OUT '{path}': directory '{directory}' does not exist.");
            try
            {
                File.WriteAllText(path, json + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"cannot write OUT '{path}': {ErrorText.OneLine(e.Message)}");
            }
            context.Diagnostic($"wrote {env.Name} ({mdp.StateCount} states) to {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Invariant(int x) => x.ToString(CultureInfo.InvariantCulture);
}

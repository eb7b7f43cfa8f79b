using System.CommandLine;
using System.Globalization;
using PowerTheory.Cli.Common;
using PowerTheory.Environments;
using PowerTheory.Mdps;
using PowerTheory.IO.Formats;
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
        var command = new Command("list",
            "List the built-in environments with their sizes (at default parameters) and parameters. Parameters go on the name: " +
            "NAME:key=value,key=value, e.g. map20:slip=0.1 or open:rows=30,cols=30,slip=0.1; any command that takes an MDP accepts such a name.")
        { format };
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
                    context.Out.WriteLine();
                    context.Out.WriteLine("Parameters (NAME:key=value,key=value, e.g. map20:slip=0.1 or open:rows=30,cols=30,slip=0.1):");
                    foreach (var env in BuiltInEnvironments.All.Where(e => e.Parameters.Count > 0))
                        foreach (var p in env.Parameters) context.Out.WriteLine($"  {env.Name}:{p}");
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
                            w.WriteStartArray("parameters");
                            foreach (var p in env.Parameters)
                            {
                                w.WriteStartObject();
                                w.WriteString("name", p.Name);
                                w.WriteString("description", p.Description);
                                w.WriteNumber("default", p.Default);
                                w.WriteString("range", p.Range);
                                w.WriteEndObject();
                            }
                            w.WriteEndArray();
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
        var name = new Argument<string>("NAME") { Description = "A built-in environment NAME[:key=value,...] (see 'powertheory env list')." };
        var output = new Argument<string>("OUT") { Description = "The file to write (JSON unless the extension or --to says otherwise), or '-' for standard output." };
        var to = new Option<string>("--to") { Description = "Output format (default: by OUT's extension, JSON for '-' or an unknown one).", HelpName = string.Join("|", MdpFormats.Names) };
        var force = new Option<bool>("--force") { Description = "Overwrite OUT if it exists." };
        var command = new Command("export", "Write a built-in environment as an MDP file (canonical JSON by default).") { name, output, to, force };
        command.SetAction(parseResult =>
        {
            var spec = parseResult.GetValue(name)!;
            var path = parseResult.GetValue(output)!;
            Mdp mdp;
            try
            {
                if (!BuiltInEnvironments.TryCreate(spec, out mdp))
                    throw new CliUsageException($"unknown environment '{spec.Split(':')[0]}'; known: {string.Join(", ", BuiltInEnvironments.Names)}.");
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException(ErrorText.OneLine(e.Message));
            }
            MdpFormat format;
            try
            {
                format = parseResult.GetValue(to) is { } t ? MdpFormats.ParseName(t)
                    : path == "-" ? MdpFormat.Json : MdpFormats.FromPath(path) ?? MdpFormat.Json;
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException($"--to: {ErrorText.OneLine(e.Message)}");
            }
            var (files, notes) = MdpFormats.Render(new MdpDocument(mdp), path == "-" ? "stdout" : path, format);
            foreach (var note in notes) context.Diagnostic($"note: {note}");
            if (path == "-")
            {
                if (files.Count > 1) throw new CliUsageException("PRISM output needs several files; give OUT a file name.");
                context.Out.Write(files[0].Text);
                return ExitCodes.Ok;
            }
            ModelFileOutput.Write(context, path, format, files, parseResult.GetValue(force));
            context.Diagnostic($"wrote {mdp.Name} ({mdp.StateCount} states) to {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Invariant(int x) => x.ToString(CultureInfo.InvariantCulture);
}

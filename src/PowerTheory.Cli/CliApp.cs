using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using PowerTheory.Cli.Commands;
using PowerTheory.Cli.Common;
using PowerTheory.Mdps;

namespace PowerTheory.Cli;

/// <summary>
/// The <c>powertheory</c> command line, runnable in-process: <see cref="Run"/> parses the arguments, runs the command
/// and maps every failure to one <c>error: …</c> line on standard error and an exit code (<see cref="ExitCodes"/>);
/// it never lets an exception or a stack trace escape.
/// </summary>
public static class CliApp
{
    /// <summary>The command name users type.</summary>
    public const string ToolName = "powertheory";

    /// <summary>Builds the root command with every subcommand.</summary>
    public static Command CreateRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A plain Command named after the tool (a RootCommand would take the assembly name, PowerTheory.Cli, for help).
        return new Command(ToolName,
            "Optimal values, visit distributions and power-seeking theory for finite MDPs. " +
            "Exit codes: 0 ok, 1 usage or validation error, 2 domain error.")
        {
            new HelpOption(),
            new VersionOption(),
            ValidateCommand.Create(context),
            ValuesCommand.Create(context),
            PowerCommand.Create(context),
            VerticesCommand.Create(context),
            SymmetryCommand.Create(context),
            EnvCommand.Create(context),
            OrbitCommand.Create(context),
            TendenciesCommand.Create(context),
            ConvertCommand.Create(context),
            PlotCommand.Create(context),
        };
    }

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments (without the program name).</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics and the error line go.</param>
    /// <returns>The exit code: 0 ok, 1 usage or validation error, 2 domain error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, CreateRootCommand);

    /// <summary>Runs a command tree built by <paramref name="createRoot"/> with the uniform error handling (for tests).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<CliContext, Command> createRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(createRoot);
        var output = new StdoutWriter(stdout);
        var context = new CliContext(output, stderr);
        try
        {
            var root = createRoot(context);
            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction || (parseResult.Errors.Count > 0 && parseResult.Action is null))
            {
                var message = string.Join("; ",
                    parseResult.Errors.Select(e => ErrorText.OneLine(e.Message).TrimEnd('.')).Distinct());
                return Fail(stderr, ExitCodes.UsageOrValidation, $"{message} (see '{HelpHint(parseResult)} --help').");
            }
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            };
            int code = parseResult.Invoke(configuration);
            output.Flush();
            return code;
        }
        catch (CliUsageException e)
        {
            return Fail(stderr, ExitCodes.UsageOrValidation, e.Message);
        }
        catch (MdpValidationException e)
        {
            return Fail(stderr, ExitCodes.UsageOrValidation, e.Message);
        }
        catch (CliDomainException e)
        {
            return Fail(stderr, ExitCodes.Domain, e.Message);
        }
        catch (FormatException e)
        {
            return Fail(stderr, ExitCodes.UsageOrValidation, e.Message);
        }
        catch (ArgumentException e)
        {
            // The library validates its arguments with messages naming the parameter, value and range.
            return Fail(stderr, ExitCodes.UsageOrValidation, e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArithmeticException)
        {
            TraceIfDebugging(stderr, e);
            return Fail(stderr, ExitCodes.Domain, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, ExitCodes.UsageOrValidation, e.Message);
        }
#pragma warning disable CA1031 // the command line must never show a stack trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            TraceIfDebugging(stderr, e);
            return Fail(stderr, ExitCodes.Domain, $"internal error ({e.GetType().Name}): {e.Message} (set {DebugVariable}=1 to see where)");
        }
    }

    /// <summary>The environment variable that makes an internal error print its stack trace (for bug reports).</summary>
    public const string DebugVariable = "POWERTHEORY_DEBUG";

    // For a bug report: POWERTHEORY_DEBUG=1 adds the stack trace before the one-line error.
    private static void TraceIfDebugging(TextWriter stderr, Exception e)
    {
        if (Environment.GetEnvironmentVariable(DebugVariable) == "1") stderr.WriteLine(e.ToString());
    }

    private static int Fail(TextWriter stderr, int code, string message)
    {
        stderr.WriteLine("error: " + ErrorText.OneLine(message));
        return code;
    }

    private static string HelpHint(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var c = parseResult.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(c.Command.Name);
        names.Reverse();
        return string.Join(" ", names);
    }
}

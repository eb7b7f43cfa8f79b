using System.CommandLine;

namespace PowerTheory.Cli.Common;

/// <summary>
/// The <c>--gamma</c> family, typed and parsed once at parse time: a list option (<see cref="List"/>: comma-separated
/// numbers in [0, 1], each once, where 0 and 1 mean the limits) and a single-value option (<see cref="Single"/>: one
/// finite number, whose range the command checks, since it depends on where γ came from). A value that is not a number
/// is the parse error, before the model is read. The MDP file's <c>gamma</c> is the default, applied by
/// <see cref="Resolve"/> once the file is loaded.
/// </summary>
public static class DiscountOption
{
    /// <summary>A list option such as <c>--gamma 0,0.5,0.9,1</c>.</summary>
    public static Option<IReadOnlyList<double>?> List(string name, string? alias, string description, string helpName = "G[,G...]") =>
        new Option<IReadOnlyList<double>?>(name, alias is null ? [] : [alias]) { Description = description, HelpName = helpName }
            .ParsedWith(text => DiscountListParser.Parse(text, null, name));

    /// <summary>A single-value option such as <c>--gamma 0.9</c> (a finite number; the command checks its range).</summary>
    public static Option<double?> Single(string name, string? alias, string description, string helpName = "G") =>
        new Option<double?>(name, alias is null ? [] : [alias]) { Description = description, HelpName = helpName }
            .ParsedWith(text => Numbers.TryParseFinite(text, out var gamma) ? gamma
                : throw new CliUsageException($"{name} must be a number; got '{text}'."));

    /// <summary>The discounts given, else the MDP file's <c>gamma</c>.</summary>
    /// <exception cref="CliUsageException">Neither was given; the message names the option.</exception>
    public static IReadOnlyList<double> Resolve(IReadOnlyList<double>? given, double? fileGamma, string name = "--gamma") =>
        given ?? (fileGamma is { } g ? [g] : throw new CliUsageException($"{name} is required (the MDP file has no 'gamma' field)."));
}

using System.CommandLine;

namespace PowerTheory.Cli.Common;

/// <summary>The output formats of every command: human-readable text, JSON or CSV.</summary>
public enum OutputFormat
{
    /// <summary>Human-readable text (tables).</summary>
    Text,

    /// <summary>A stable JSON document.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
}

/// <summary>The shared <c>--format text|json|csv</c> (<c>-f</c>) option.</summary>
public static class OutputFormatOption
{
    private static readonly string[] Names = ["text", "json", "csv"];

    /// <summary>Creates the option (default <c>text</c>).</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json or csv (any case).",
            HelpName = "text|json|csv",
            DefaultValueFactory = _ => "text",
        };
        option.CompletionSources.Add(Names);
        return option;
    }

    /// <summary>Parses the option's value; anything else is a usage error naming <c>--format</c> and the value.</summary>
    public static OutputFormat Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "text" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => throw new CliUsageException($"--format must be one of text, json, csv; got '{text}'."),
    };
}

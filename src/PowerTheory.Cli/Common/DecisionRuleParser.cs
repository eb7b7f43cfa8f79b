using PowerTheory.Retargeting;

namespace PowerTheory.Cli.Common;

/// <summary>Parses <c>--rule</c> with the library's <see cref="DecisionRuleSpec"/> (the rule registry), turning its
/// errors into usage errors that name the option.</summary>
public static class DecisionRuleParser
{
    /// <summary>The accepted forms, for messages and help.</summary>
    public static string Forms => DecisionRuleSpec.Forms;

    /// <summary>Parses a rule; a usage error names <c>--rule</c>, the text and what was expected.</summary>
    public static IDecisionRule Parse(string? text, string optionName = "--rule")
    {
        try
        {
            return DecisionRuleSpec.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"{optionName}: {e.Message}");
        }
    }
}

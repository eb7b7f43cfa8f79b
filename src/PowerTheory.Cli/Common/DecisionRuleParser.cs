using System.Globalization;
using PowerTheory.Retargeting;

namespace PowerTheory.Cli.Common;

/// <summary>Parses <c>--rule</c>: <c>optimal</c>, <c>fracoptimal</c>, <c>antiopt</c>, <c>boltzmann:T=1</c>,
/// <c>satisfice:t=3</c>, <c>best-of:k=2</c> or <c>quantiliser:q=0.5</c>.</summary>
public static class DecisionRuleParser
{
    /// <summary>The accepted forms, for messages and help.</summary>
    public const string Forms = "optimal, fracoptimal, antiopt, boltzmann:T=<T>, satisfice:t=<t>, best-of:k=<k>, quantiliser:q=<q>";

    /// <summary>Parses a rule; a usage error names <c>--rule</c>, the text and the accepted forms.</summary>
    public static IDecisionRule Parse(string? text, string optionName = "--rule")
    {
        string spec = (text ?? "").Trim();
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? spec : spec[..colon]).Trim().ToLowerInvariant();
        string? parameter = colon < 0 ? null : spec[(colon + 1)..].Trim();
        switch (name)
        {
            case "optimal" or "fracoptimal" or "antiopt" when parameter is not null:
                throw new CliUsageException($"{optionName}: '{name}' takes no parameter; got '{spec}'.");
            case "optimal": return new IsOptimalRule();
            case "fracoptimal": return new FracOptimalRule();
            case "antiopt": return new AntiOptimalRule();
            case "boltzmann":
                double t = Value(spec, parameter, "T", optionName);
                if (!(t > 0)) throw new CliUsageException($"{optionName}: the Boltzmann temperature T must be positive; got '{spec}'.");
                return new BoltzmannRule(t);
            case "satisfice": return new SatisficeRule(Value(spec, parameter, "t", optionName));
            case "best-of":
                double k = Value(spec, parameter, "k", optionName);
                if (k < 1 || k != Math.Floor(k) || k > 1_000_000)
                    throw new CliUsageException($"{optionName}: best-of needs a whole number of draws k in 1..1000000; got '{spec}'.");
                return new BestOfKRule((int)k);
            case "quantiliser":
                double q = Value(spec, parameter, "q", optionName);
                if (!(q > 0 && q <= 1)) throw new CliUsageException($"{optionName}: the quantiliser's q must be in (0, 1]; got '{spec}'.");
                return new UniformQuantiliserRule(q);
            default:
                throw new CliUsageException($"{optionName} must be one of {Forms}; got '{spec}'.");
        }
    }

    private static double Value(string spec, string? parameter, string key, string optionName)
    {
        string prefix = key + "=";
        if (parameter is null || !parameter.StartsWith(prefix, StringComparison.Ordinal)
            || !Numbers.TryParseFinite(parameter[prefix.Length..], out double value))
        {
            string rule = spec.Split(':')[0];
            throw new CliUsageException(
                $"{optionName}: '{rule}' needs {key}=<number>, e.g. {rule}:{key}={(key == "k" ? "2" : "1").ToString(CultureInfo.InvariantCulture)}; got '{spec}'.");
        }
        return value;
    }
}

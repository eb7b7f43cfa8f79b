using System.Text.Json;
using System.Text.Json.Serialization;
using PowerTheory.DecisionMakers;
using PowerTheory.MonteCarlo;

namespace PowerTheory.IO.Json;

/// <summary>
/// Writes a <see cref="TendencyResult"/> (<c>powertheory tendencies --format json</c>, docs/cli.md):
/// <c>{"mdp":…,"state":"s","gamma":G,"samples":N,"seed":K,"reward":"…","avoid":[…],"tendency":"…","favouredAction":"a",
/// "significance":{"test","comparisons","familyWiseErrorRate","criticalZ"},
/// "certificates":[{"theorem","statement","n","bound","summary"}],"optimal":{…},"random":{…},"decisionMakers":[{…}]}</c>,
/// each decision-maker as <c>{"name","description","verdict","verdictText","samplesNeeded","approximations","approximationNote",
/// "actions":[{"action","probability","stderr","versusOptimal","versusOptimalStderr","versusRandom","versusRandomStderr"}],
/// "avoid":{"probability","stderr","versusOptimal",…},"power":[{"state","power","stderr"}]}</c>. Doubles in round-trip form.
/// </summary>
public static class TendenciesJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(TendencyResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ResultJson.Text(TendenciesContract.From(result), ResultJsonContext.Default.TendenciesContract, indented);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="w"/>.</summary>
    public static void Write(Utf8JsonWriter w, TendencyResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(w, TendenciesContract.From(result), ResultJsonContext.Default.TendenciesContract);
    }
}

/// <summary>The object <see cref="TendenciesJson"/> documents.</summary>
internal sealed record TendenciesContract(
    string? Mdp, string State, double Gamma, int Samples, int? SamplesRequested, string? Stop,
    IReadOnlyDictionary<string, long> Degradations, ulong Seed, string Reward, List<string> Avoid, string Tendency,
    string FavouredAction, SignificanceContract Significance, List<TendencyCertificateContract> Certificates,
    TendencyContract Optimal, TendencyContract Random, List<TendencyContract> DecisionMakers)
{
    public static TendenciesContract From(TendencyResult r) => new(
        r.MdpName, r.StateNames[r.State], r.Gamma, r.Samples,
        r.StoppedAtTimeLimit ? r.SamplesRequested : null, r.StoppedAtTimeLimit ? TimeLimitStop.Name : null,
        r.Degradations, r.Seed, r.Rewards, r.Avoid.Select(t => r.StateNames[t]).ToList(), r.Tendency,
        r.ActionNames[r.FavouredAction],
        new SignificanceContract("two-sided paired z-test, Bonferroni", r.Significance.Comparisons,
            r.Significance.FamilyWiseErrorRate, r.Significance.CriticalZ),
        r.Certificates.Select(c => new TendencyCertificateContract(c.Theorem, c.Statement, c.N, c.Bound, c.Summary)).ToList(),
        TendencyContract.From(r, r.Optimal), TendencyContract.From(r, r.Random),
        r.DecisionMakers.Select(t => TendencyContract.From(r, t)).ToList());
}

/// <summary>The multiple-comparison test behind every verdict.</summary>
internal sealed record SignificanceContract(string Test, int Comparisons, double FamilyWiseErrorRate, double CriticalZ);

/// <summary>A theorem's certificate beside the measurement; <c>bound</c> is null when the theorem gives none.</summary>
internal sealed record TendencyCertificateContract(
    string Theorem, string Statement, int N, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Bound, string Summary);

/// <summary>One decision-maker's figures; <c>avoid</c> and <c>power</c> appear when they were measured.</summary>
internal sealed record TendencyContract(
    string Name, string Description, string Verdict, string VerdictText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? SamplesNeeded, long Approximations,
    string? ApproximationNote, List<ActionTendencyContract> Actions, AvoidTendencyContract? Avoid, List<StatePowerEstimateContract>? Power)
{
    public static TendencyContract From(TendencyResult r, DecisionMakerTendency t) => new(
        t.Name, t.Description, t.Verdict.ToString(), t.VerdictText, t.SamplesNeeded, t.Approximations, t.ApproximationNote,
        Enumerable.Range(0, t.ActionProbabilities.Count).Select(a => new ActionTendencyContract(r.ActionNames[a],
            t.ActionProbabilities[a].Mean, t.ActionProbabilities[a].StandardError,
            t.ActionsVersusOptimal[a].Mean, t.ActionsVersusOptimal[a].StandardError,
            t.ActionsVersusRandom[a].Mean, t.ActionsVersusRandom[a].StandardError)).ToList(),
        t.Avoid is { } avoid ? AvoidTendencyContract.From(avoid, t.AvoidVersusOptimal!.Value, t.AvoidVersusRandom!.Value) : null,
        t.Power?.Select((p, s) => new StatePowerEstimateContract(r.StateNames[s], p.Mean, p.StandardError)).ToList());
}

/// <summary>P(first action) and its differences from the optimal and the random agent, each with its standard error.</summary>
internal sealed record ActionTendencyContract(
    string Action, double Probability, double ProbabilityStderr, double VersusOptimal, double VersusOptimalStderr,
    double VersusRandom, double VersusRandomStderr);

/// <summary>P(the long run avoids the listed states) and its differences, with standard errors.</summary>
internal sealed record AvoidTendencyContract(
    double Probability, double ProbabilityStderr, double VersusOptimal, double VersusOptimalStderr,
    double VersusRandom, double VersusRandomStderr)
{
    public static AvoidTendencyContract From(MonteCarloEstimate p, MonteCarloEstimate optimal, MonteCarloEstimate random) =>
        new(p.Mean, p.StandardError, optimal.Mean, optimal.StandardError, random.Mean, random.StandardError);
}

/// <summary>POWER^pol of one state with its standard error.</summary>
internal sealed record StatePowerEstimateContract(string State, double Power, double PowerStderr);

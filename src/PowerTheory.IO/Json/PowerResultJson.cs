using System.Text.Json;
using System.Text.Json.Serialization;
using PowerTheory.Power;

namespace PowerTheory.IO.Json;

/// <summary>
/// Writes a <see cref="PowerResult"/> in the machine-readable format of docs/cli.md (<c>powertheory power --format json</c>):
/// per γ an object
/// <c>{"gamma":G,"samples":N,"seed":K,"reward":"...","states":[{"state":"s0","power":P,"stderr":E,"ci95":[lo,hi]}],
/// "actions":[{"state":"s0","action":"a","optimalityProbability":p,"stderr":e}]}</c>, a single object for one γ and a
/// JSON array of objects for several. Requested comparisons and events are added as <c>"comparisons"</c> and
/// <c>"events"</c> arrays when present; doubles are written in round-trip form. The contract is
/// <see cref="PowerAtGammaContract"/>, serialized by the source-generated <see cref="ResultJsonContext"/>.
/// </summary>
public static class PowerResultJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(PowerResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ByGamma.Count == 1
            ? ResultJson.Text(PowerAtGammaContract.From(result, result.ByGamma[0]), ResultJsonContext.Default.PowerAtGammaContract, indented)
            : ResultJson.Text(All(result), ResultJsonContext.Default.ListPowerAtGammaContract, indented);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, PowerResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        if (result.ByGamma.Count == 1)
            JsonSerializer.Serialize(writer, PowerAtGammaContract.From(result, result.ByGamma[0]), ResultJsonContext.Default.PowerAtGammaContract);
        else
            JsonSerializer.Serialize(writer, All(result), ResultJsonContext.Default.ListPowerAtGammaContract);
    }

    private static List<PowerAtGammaContract> All(PowerResult result) =>
        result.ByGamma.Select(at => PowerAtGammaContract.From(result, at)).ToList();
}

/// <summary>POWER at one γ: the object <see cref="PowerResultJson"/> documents. States and actions are sequences,
/// serialized as they are produced, so a large result is not copied into contract objects first. <c>samplesRequested</c> and
/// <c>stop</c> appear only when the time limit stopped the run; <c>certification</c> only when the solves were certified.</summary>
internal sealed record PowerAtGammaContract(
    double Gamma, int Samples, int? SamplesRequested, string? Stop, IReadOnlyDictionary<string, long> Degradations,
    ulong Seed, string Reward, CertificationContract? Certification, IEnumerable<StatePowerContract> States,
    IEnumerable<ActionOptimalityContract> Actions, List<PowerComparisonContract>? Comparisons, List<EventProbabilityContract>? Events,
    EstimatorContract? Estimator = null, AccuracyContract? Accuracy = null)
{
    public static PowerAtGammaContract From(PowerResult result, PowerAtDiscount at) => new(
        at.Gamma, result.Samples,
        result.StoppedAtTimeLimit ? result.SamplesRequested : null, result.StoppedAtTimeLimit ? TimeLimitStop.Name : null,
        result.Degradations, result.Seed, result.RewardSpec,
        at.Certification.Solves == 0 ? null : new CertificationContract(at.Certification.MaxValueErrorBound,
            at.Certification.Target, at.Certification.Refinements, at.Certification.NearTies, at.Certification.Uncertified),
        at.States.Select(s => new StatePowerContract(s.Name, s.Power.Mean, s.Power.StandardError,
            [s.Power.Ci95Lower, s.Power.Ci95Upper], Finite(s.VarianceReduction))),
        at.Actions.Select(a => new ActionOptimalityContract(a.StateName, a.ActionName, a.Probability.Mean,
            a.Probability.StandardError)),
        at.Comparisons.Count == 0 ? null : at.Comparisons.Select(c => new PowerComparisonContract(c.StateName, c.ActionName,
            c.OtherActionName, c.ExpectedPowerOfAction.Mean, c.ExpectedPowerOfOther.Mean, c.Difference.Mean,
            c.Difference.StandardError, c.ZScore, VerdictName(c.Verdict))).ToList(),
        at.Events.Count == 0 ? null : at.Events.Select(e => new EventProbabilityContract(e.Event.Description,
            e.Probability.Mean, e.Probability.StandardError)).ToList(),
        result.Estimator.IsPlain && result.Accuracy is null ? null : new EstimatorContract(result.Estimator.Name,
            result.Estimator.Covariates.ToList(), result.Estimator.Replicates, result.Estimator.PointsPerReplicate,
            result.Estimator.FromReplicates ? "student-t over independent scrambles" : "normal", Finite(at.MedianVarianceReduction)),
        result.Accuracy is not { } a ? null : new AccuracyContract(a.TargetStandardError, a.TargetCi95HalfWidth, a.Met, a.Stages,
            result.SamplesRequested, a.WorstStandardError, a.WorstCi95HalfWidth, a.WorstQuantity));

    /// <summary>A variance reduction as JSON can hold it: +∞ (covariates that explain the quantity exactly) as null.</summary>
    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    private static string VerdictName(PowerSeekingVerdict verdict) => verdict switch
    {
        PowerSeekingVerdict.ActionSeeksMorePower => "action",
        PowerSeekingVerdict.OtherActionSeeksMorePower => "versus",
        PowerSeekingVerdict.Equal => "equal",
        _ => "cannot-tell",
    };
}

/// <summary><c>{"maxValueErrorBound":E,"target":t,"refinedSamples":k,"nearTies":m,"uncertifiedSamples":u}</c>: the
/// run's certified solves (γ ∈ (0,1) on the exact path).</summary>
internal sealed record CertificationContract(double MaxValueErrorBound, double Target, long RefinedSamples, long NearTies, long UncertifiedSamples);

/// <summary>POWER of one state with its standard error and 95% interval.</summary>
internal sealed record StatePowerContract(string State, double Power, double Stderr, double[] Ci95, double? VarianceReduction = null);

/// <summary><c>{"name":"scrambled-sobol+control-variates","covariates":[…],"replicates":R,"pointsPerReplicate":B,
/// "interval":"student-t over independent scrambles","medianVarianceReduction":v}</c>: the estimator (absent for a
/// plain fixed run).</summary>
internal sealed record EstimatorContract(string Name, List<string> Covariates, long Replicates, int PointsPerReplicate, string Interval,
    double? MedianVarianceReduction);

/// <summary><c>{"targetStandardError":X,"met":true,"stages":k,"samplesCap":N,"worstStandardError":e,…}</c>: how a
/// target-accuracy run ended.</summary>
internal sealed record AccuracyContract(double? TargetStandardError, double? TargetCi95HalfWidth, bool Met, int Stages, int SamplesCap,
    double WorstStandardError, double WorstCi95HalfWidth, string WorstQuantity);

/// <summary>The probability that an action is optimal.</summary>
internal sealed record ActionOptimalityContract(string State, string Action, double OptimalityProbability, double Stderr);

/// <summary>A requested comparison of the expected POWER after two actions; <c>z</c> is <c>"Infinity"</c> or
/// <c>"-Infinity"</c> when the difference has no spread.</summary>
internal sealed record PowerComparisonContract(
    string State, string Action, string Versus, double ExpectedPower, double ExpectedPowerVersus, double Difference,
    double Stderr, [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Z, string Verdict);

/// <summary>The probability of a requested event.</summary>
internal sealed record EventProbabilityContract(string Event, double Probability, double Stderr);

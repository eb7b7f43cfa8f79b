using System.Text.Json;
using PowerTheory.Solvers;

namespace PowerTheory.IO.Json;

/// <summary>
/// The contract of <c>powertheory values --format json</c> (docs/cli.md):
/// <c>{"gamma":G,"method":"policy-iteration","errorBound":e,"degradations":{},"states":[{"state":"s0","value":V,
/// "reward":r,"optimalActions":["a",…]}],"policy":{"s0":"a",…}}</c>, where value is V*(s), optimalActions lists every
/// action within the tie tolerance of max_a Q*(s,a), and policy is one optimal action per state.
/// </summary>
public static class OptimalValuesJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(OptimalValues result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ResultJson.Text(OptimalValuesContract.From(result), ResultJsonContext.Default.OptimalValuesContract, indented);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, OptimalValues result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(writer, OptimalValuesContract.From(result), ResultJsonContext.Default.OptimalValuesContract);
    }
}

/// <summary>The object <see cref="OptimalValuesJson"/> documents.</summary>
internal sealed record OptimalValuesContract(
    double Gamma, string Method, double ErrorBound, IReadOnlyDictionary<string, long> Degradations,
    List<StateValueContract> States, Dictionary<string, string> Policy)
{
    public static OptimalValuesContract From(OptimalValues result)
    {
        var mdp = result.Mdp;
        var states = new List<StateValueContract>(mdp.StateCount);
        var policy = new Dictionary<string, string>(mdp.StateCount, StringComparer.Ordinal);
        for (int s = 0; s < mdp.StateCount; s++)
        {
            states.Add(new StateValueContract(mdp.StateNames[s], result[s], result.Rewards[s],
                result.OptimalActions(s).Select(a => mdp.ActionName(s, a)).ToList()));
            policy[mdp.StateNames[s]] = mdp.ActionName(s, result.Policy[s]);
        }
        return new OptimalValuesContract(result.Gamma, result.Method.Name(), result.ErrorBound, result.Degradations, states, policy);
    }
}

/// <summary>V*(s), R(s) and every optimal action of one state.</summary>
internal sealed record StateValueContract(string State, double Value, double Reward, List<string> OptimalActions);

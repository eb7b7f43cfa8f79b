using System.Text.Json.Serialization;

namespace PowerTheory.IO.Json;

/// <summary>
/// The source-generated System.Text.Json metadata and serializers of every result contract (no reflection at run
/// time). Both modes are generated: the comparison's <c>z</c> writes ±Infinity as a string, which the
/// serialization-only fast path cannot do; the first JSON result of a process costs about 40 ms more for that. Property names
/// are the records' names in camelCase; a null member is left out (<see cref="JsonIgnoreCondition.WhenWritingNull"/>)
/// unless the contract marks it <see cref="JsonIgnoreCondition.Never"/>, where the documented format writes
/// <c>null</c>. The writer's options (indentation, encoder) come from the caller's <c>Utf8JsonWriter</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(PowerAtGammaContract))]
[JsonSerializable(typeof(List<PowerAtGammaContract>))]
[JsonSerializable(typeof(OptimalValuesContract))]
[JsonSerializable(typeof(VertexReportContract))]
[JsonSerializable(typeof(SymmetryCertificateContract))]
[JsonSerializable(typeof(OrbitReportContract))]
[JsonSerializable(typeof(TendenciesContract))]
[JsonSerializable(typeof(SearchOutcomeContract))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;

using System.Text.Json;
using Json.Schema;

namespace Schuldketen.Testing;

/// <summary>The kept copy of DDAS's JSON Schema for the early-warning exchange model, to check a delivery the hub wrote against it.</summary>
public static class DdasSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ddas", "json_schema_Uitwisselmodel.json"))));

    /// <summary>Null when <paramref name="delivery"/> is valid (formats included); else every failed rule, as JSON.</summary>
    public static string? Problems(JsonElement delivery)
    {
        var result = Schema.Value.Evaluate(delivery, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? null : JsonSerializer.Serialize(result);
    }
}

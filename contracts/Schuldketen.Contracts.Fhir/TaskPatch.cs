using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// The one change a referrer may make to its Task, as a JSON Patch: set the status to a status the
/// referrer may set (<see cref="TaskStatusMap.ReferrerMaySet"/>), which is 'cancelled'.
/// </summary>
public static class TaskPatch
{
    /// <summary>Null for the one patch a referrer may send; otherwise why not.</summary>
    public static FhirRefusal? Refusal(string json)
    {
        JsonElement[] operations;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = FhirJson.MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Unsupported();
            }

            operations = document.RootElement.EnumerateArray().Select(operation => operation.Clone()).ToArray();
        }
        catch (JsonException error)
        {
            return FhirRefusal.Of(400, OperationOutcome.IssueType.Structure,
                $"The body is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).");
        }

        if (operations is not [{ ValueKind: JsonValueKind.Object } operation]
            || operation.EnumerateObject().Count() != 3
            || !Is(operation, "op", "replace")
            || !Is(operation, "path", "/status")
            || !operation.TryGetProperty("value", out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            return Unsupported();
        }

        return EnumUtility.ParseLiteral<TaskStatus>(value.GetString()) is { } status && TaskStatusMap.ReferrerMaySet(status)
            ? null
            : FhirRefusal.Of(422, OperationOutcome.IssueType.BusinessRule,
                "A referrer may only set the status to 'cancelled'; every other status follows the resident's trajectory.", "Task.status");
    }

    private static bool Is(JsonElement operation, string name, string expected) =>
        operation.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String && member.GetString() == expected;

    private static FhirRefusal Unsupported() => FhirRefusal.Of(422, OperationOutcome.IssueType.NotSupported,
        "Send exactly one JSON Patch operation: [{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"cancelled\"}].");
}

using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Schuldketen.Contracts.Fhir;

/// <summary>
/// Reads and writes FHIR R4 JSON with the SDK's strict deserializer: unknown elements, wrong types
/// and bad codes are refused, each as an issue that says where.
/// </summary>
public static class FhirJson
{
    /// <summary>Deeper than any referral needs, and below the SDK's own limit of 64.</summary>
    public const int MaxDepth = 32;

    private static readonly FhirJsonDeserializer Deserializer = new();
    private static readonly FhirJsonSerializer Serializer = new();

    public static string Write(Resource resource) => Serializer.SerializeToString(resource);

    /// <summary>The resource in <paramref name="json"/>, or a 400 that names every problem.</summary>
    public static (Resource? Resource, FhirRefusal? Refusal) Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("resourceType", out var type)
                || type.ValueKind != JsonValueKind.String)
            {
                return (null, FhirRefusal.Of(400, OperationOutcome.IssueType.Structure,
                    "The body must be one FHIR resource: a JSON object with a 'resourceType'."));
            }
        }
        catch (JsonException error)
        {
            return (null, FhirRefusal.Of(400, OperationOutcome.IssueType.Structure, error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"The JSON is nested deeper than {MaxDepth} levels; a referral needs far fewer."
                : $"The body is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1})."));
        }

        if (Deserializer.TryDeserializeResource(json, out var resource, out var errors))
        {
            return (resource, null);
        }

        return (null, new FhirRefusal(400, errors
            .Select(error => new OutcomeIssue(OperationOutcome.IssueType.Structure,
                $"{error.Message} Send FHIR R4 JSON: only elements R4 defines, with the types and codes it gives."))
            .ToList()));
    }
}

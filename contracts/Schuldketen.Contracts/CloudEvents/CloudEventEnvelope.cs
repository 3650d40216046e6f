using System.Globalization;
using System.Text.Json;
using CloudNative.CloudEvents;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>
/// A CloudEvent in structured JSON mode as the NL GOV profile has it. <see cref="Parse"/> reads what
/// a partner sends; <see cref="Outgoing"/> and <see cref="ToJson"/> make what the hub sends.
/// <see cref="Extensions"/> holds every extension attribute except <c>traceparent</c>.
/// </summary>
public sealed record CloudEventEnvelope(
    string Id,
    string Source,
    string SpecVersion,
    string Type,
    string? Subject,
    DateTimeOffset? Time,
    string? DataContentType,
    string? DataSchema,
    JsonElement? Data,
    IReadOnlyDictionary<string, JsonElement> Extensions,
    string? TraceParent)
{
    public const string MediaType = "application/cloudevents+json";
    public const string JsonDataContentType = "application/json";

    /// <summary>The sending organisation's OIN from <see cref="Source"/>; never null for a parsed envelope.</summary>
    public string? SourceOin => NlGovSource.OinOf(Source);

    public static EnvelopeResult Parse(JsonElement element) => EnvelopeReader.Read(element);

    /// <summary>Reads an event whose type is <paramref name="ownType"/>, a type the caller handles outside the event catalogue.</summary>
    public static EnvelopeResult Parse(JsonElement element, string ownType) => EnvelopeReader.Read(element, ownType);

    /// <summary>An event the hub sends. The sequence is written zero-padded, so it orders as a string too.</summary>
    public static CloudEventEnvelope Outgoing(
        string id,
        string source,
        string type,
        string subject,
        DateTimeOffset time,
        JsonElement data,
        long? sequence = null,
        string? traceParent = null)
    {
        var extensions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (sequence is { } value)
        {
            extensions[Attributes.Sequence] = JsonSerializer.SerializeToElement(value.ToString("D19", CultureInfo.InvariantCulture));
        }

        return new CloudEventEnvelope(
            id, source, CloudEventsSpecVersion.V1_0.VersionId, type, subject, time, JsonDataContentType, null, data.Clone(), extensions, traceParent);
    }

    /// <summary>The event as <see cref="MediaType"/>.</summary>
    public string ToJson() => EnvelopeWriter.Write(this);
}

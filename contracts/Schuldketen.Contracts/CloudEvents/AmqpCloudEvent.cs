using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>
/// A CloudEvent as an AMQP message by the CloudEvents AMQP protocol binding. The hub sends binary
/// content mode: context attributes as application properties named <c>cloudEvents_</c> + attribute
/// (<c>time</c> as an AMQP timestamp), the data as the body, <c>datacontenttype</c> as the message's
/// content type. It reads binary mode and structured mode (<c>application/cloudevents+json</c>).
/// </summary>
public sealed record AmqpCloudEvent(string MessageId, string? ContentType, IReadOnlyDictionary<string, object> Properties, byte[] Body)
{
    public const string PropertyPrefix = "cloudEvents_";

    public static AmqpCloudEvent From(CloudEventEnvelope envelope)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [PropertyPrefix + Attributes.SpecVersion] = envelope.SpecVersion,
            [PropertyPrefix + Attributes.Id] = envelope.Id,
            [PropertyPrefix + Attributes.Source] = envelope.Source,
            [PropertyPrefix + Attributes.Type] = envelope.Type,
        };
        Add(properties, Attributes.Subject, envelope.Subject);
        Add(properties, Attributes.DataSchema, envelope.DataSchema);
        Add(properties, Attributes.TraceParent, envelope.TraceParent);
        if (envelope.Time is { } time)
        {
            properties[PropertyPrefix + Attributes.Time] = time.UtcDateTime;
        }

        foreach (var (name, value) in envelope.Extensions)
        {
            properties[PropertyPrefix + name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }

        var body = envelope.Data is { } data ? Encoding.UTF8.GetBytes(data.GetRawText()) : [];
        return new AmqpCloudEvent(envelope.Id, envelope.DataContentType ?? CloudEventEnvelope.JsonDataContentType, properties, body);
    }

    /// <summary>
    /// The event as the structured JSON that <see cref="CloudEventEnvelope.Parse"/> checks, so a bus
    /// message meets the same rules as an HTTP request. Throws <see cref="JsonException"/> when a JSON body is not JSON.
    /// </summary>
    public JsonElement ToStructured()
    {
        if (IsMediaType(ContentType, CloudEventEnvelope.MediaType))
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }

        var structured = new JsonObject();
        foreach (var (name, value) in Properties)
        {
            if (name.StartsWith(PropertyPrefix, StringComparison.Ordinal))
            {
                structured[name[PropertyPrefix.Length..]] = AttributeValue(value);
            }
        }

        if (ContentType is { Length: > 0 } contentType)
        {
            structured[Attributes.DataContentType] = contentType;
        }

        if (Body.Length > 0)
        {
            if (IsJson(ContentType))
            {
                structured[Attributes.Data] = JsonNode.Parse(Body);
            }
            else
            {
                structured[Attributes.DataBase64] = Convert.ToBase64String(Body);
            }
        }

        return JsonSerializer.SerializeToElement(structured);
    }

    private static void Add(Dictionary<string, object> properties, string attribute, string? value)
    {
        if (value is not null)
        {
            properties[PropertyPrefix + attribute] = value;
        }
    }

    private static JsonNode? AttributeValue(object value) => value switch
    {
        DateTime time => Rfc3339.Format(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
        string text => text,
        bool flag => flag,
        int or long or uint or ulong or short or ushort or byte or sbyte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsJson(string? contentType) =>
        contentType is null || IsMediaType(contentType, CloudEventEnvelope.JsonDataContentType)
        || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsMediaType(string? contentType, string mediaType) =>
        contentType?.Split(';')[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase) == true;
}

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Events;

namespace Schuldketen.Bench;

/// <summary>A journey step as a structured CloudEvent (NL GOV profile), serialized once, before the clock runs.</summary>
internal static class CloudEventBodies
{
    private static readonly JsonSerializerOptions DataOptions = new(EventDataJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] For(string trajectoryId, int stepIndex, JourneyStep step, DateTimeOffset registeredAt)
    {
        var at = registeredAt + step.After;
        var data = step.Data(at);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", $"{trajectoryId}-{stepIndex}");
            writer.WriteString("source", $"urn:nld:oin:{PartnerJourney.OrganisationOf(step.Sender)}:systeem:bench");
            writer.WriteString("type", step.Type);
            writer.WriteString("subject", trajectoryId);
            writer.WriteString("time", Rfc3339.Format(at));
            writer.WriteString("datacontenttype", "application/json");
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, data.GetType(), DataOptions);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

using System.Text;
using System.Text.Json;

namespace Schuldketen.Contracts.CloudEvents;

/// <summary>Writes an envelope as a structured CloudEvent: context attributes first, then data.</summary>
internal static class EnvelopeWriter
{
    public static string Write(CloudEventEnvelope envelope)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(Attributes.SpecVersion, envelope.SpecVersion);
            writer.WriteString(Attributes.Id, envelope.Id);
            writer.WriteString(Attributes.Source, envelope.Source);
            writer.WriteString(Attributes.Type, envelope.Type);
            WriteOptional(writer, Attributes.Subject, envelope.Subject);
            WriteOptional(writer, Attributes.Time, envelope.Time is { } time ? Rfc3339.Format(time) : null);
            WriteOptional(writer, Attributes.DataContentType, envelope.DataContentType ?? (envelope.Data is null ? null : CloudEventEnvelope.JsonDataContentType));
            WriteOptional(writer, Attributes.DataSchema, envelope.DataSchema);
            WriteOptional(writer, Attributes.TraceParent, envelope.TraceParent);
            foreach (var (name, value) in envelope.Extensions)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            if (envelope.Data is { } data)
            {
                writer.WritePropertyName(Attributes.Data);
                data.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
